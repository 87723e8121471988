<#-- Foreign direct investment: the article's 2016 paragraph. -->
<#assign disbursed = figure("fdi_disbursed_usd")>
<#assign jobs = figure("fdi_jobs")>
<#assign registered = figure("fdi_registered_usd")>
<#assign projects = figure("fdi_projects")>
In ${year}, foreign direct investment (FDI) projects in the province disbursed ${money(disbursed)},
${change(disbursed)}; FDI firms employed ${count(jobs, "workers")} of the province.

The ${count(projects, "FDI projects")} had ${money(registered)} of registered capital, ${change(registered)}.
