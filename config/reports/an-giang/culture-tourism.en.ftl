<#-- Culture, sports and tourism. -->
<#assign culture = figure("activity_count", "field", "culture")>
<#assign sports = figure("activity_count", "field", "sports")>
<#assign tourism = figure("activity_count", "field", "tourism")>
Cultural exchanges and tourism promotion were stepped up: in ${year} there were ${count(culture, "cultural activities")}
(${change(culture)}), ${count(sports, "sports events")} and ${count(tourism, "tourism events")}, with
${partners(culture, sports, tourism)} taking part.
