<#-- Foreign trade. -->
<#assign exports = figure("trade_export_usd")>
<#assign imports = figure("trade_import_usd")>
<#assign markets = members("trade_export_usd", "partner_country")>
Exports in ${year} reached ${money(exports)}, ${change(exports)}; imports reached ${money(imports)},
${change(imports)}.
<#if markets?size gt 0>
The largest export markets were
<#list markets[0..*3] as m>${member(m)} (${money(m)}, ${share(m)} of the total)<#sep>, </#sep></#list>.
</#if>
