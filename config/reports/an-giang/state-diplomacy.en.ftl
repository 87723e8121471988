<#-- State diplomacy. Each ${...} is a figure or a list from the warehouse; see docs/ANALYSTS.md. -->
<#assign agreements = figure("activity_count", "activity_type", "agreement")>
<#assign mous = figure("activity_count", "activity_type", "mou")>
<#assign meetings = figure("activity_count", "activity_type", "meeting")>
In state diplomacy, the province strengthened its exchanges and international cooperation, giving priority to
friendly relations with neighbouring countries.
<#if agreements.exists || mous.exists>
In ${year} it signed
<#if agreements.exists>${count2(agreements, "cooperation agreements")} with ${partners(agreements)}</#if>
<#if agreements.exists && mous.exists> and </#if>
<#if mous.exists>${count2(mous, "memorandum of understanding")} with ${partners(mous)}</#if>
on cooperation in ${fields(agreements, mous)}.
</#if>

<#if meetings.exists>
Besides its traditional partners, the province worked with potential partners such as ${partners(meetings)}
(${count(meetings, "working meetings")}).
</#if>
