<#-- Ngoại giao Nhà nước. Mỗi ${...} là một số liệu hoặc danh sách lấy từ kho dữ liệu; xem docs/ANALYSTS.md. -->
<#assign agreements = figure("activity_count", "activity_type", "agreement")>
<#assign mous = figure("activity_count", "activity_type", "mou")>
<#assign meetings = figure("activity_count", "activity_type", "meeting")>
Về ngoại giao Nhà nước, Tỉnh tăng cường quan hệ giao lưu, hợp tác quốc tế, ưu tiên củng cố quan hệ hợp tác,
hữu nghị với các nước láng giềng.
<#if agreements.exists || mous.exists>
Năm ${year}, đã ký
<#if agreements.exists>${count2(agreements, "biên bản thỏa thuận")} với ${partners(agreements)}</#if>
<#if agreements.exists && mous.exists> và </#if>
<#if mous.exists>${count2(mous, "biên bản ghi nhớ")} với ${partners(mous)}</#if>
hợp tác trên nhiều lĩnh vực như ${fields(agreements, mous)}...
</#if>

<#if meetings.exists>
Bên cạnh các đối tác truyền thống, Tỉnh cũng thúc đẩy hợp tác với các đối tác tiềm năng như ${partners(meetings)}
(${count2(meetings, "buổi làm việc")}).
</#if>
