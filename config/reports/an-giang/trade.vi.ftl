<#-- Xuất nhập khẩu. -->
<#assign exports = figure("trade_export_usd")>
<#assign imports = figure("trade_import_usd")>
<#assign markets = members("trade_export_usd", "partner_country")>
Kim ngạch xuất khẩu năm ${year} đạt ${money(exports)}, ${change(exports)}; kim ngạch nhập khẩu đạt
${money(imports)}, ${change(imports)}.
<#if markets?size gt 0>
Các thị trường xuất khẩu lớn nhất là
<#list markets[0..*3] as m>${member(m)} (${money(m)}, chiếm ${share(m)})<#sep>, </#sep></#list>.
</#if>
