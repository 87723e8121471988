<#-- People-to-people diplomacy. -->
<#assign people = figure("activity_count", "channel", "people")>
In people-to-people diplomacy there were ${count(people, "activities")} in ${year} (${change(people)}), keeping up the
traditional friendship with ${partners(people)}.
