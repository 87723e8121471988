<#-- Đối ngoại nhân dân. -->
<#assign people = figure("activity_count", "channel", "people")>
Về hoạt động đối ngoại nhân dân, năm ${year} có ${count2(people, "hoạt động")} (${change(people)}), duy trì quan hệ
truyền thống tốt đẹp với ${partners(people)}.
