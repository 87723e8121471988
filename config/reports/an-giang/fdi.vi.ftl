<#-- Đầu tư trực tiếp nước ngoài: đoạn văn của bài viết năm 2016. -->
<#assign disbursed = figure("fdi_disbursed_usd")>
<#assign jobs = figure("fdi_jobs")>
<#assign registered = figure("fdi_registered_usd")>
<#assign projects = figure("fdi_projects")>
Năm ${year}, các dự án đầu tư trực tiếp nước ngoài (FDI) trên địa bàn tỉnh giải ngân được ${money(disbursed)},
${change(disbursed)}; các doanh nghiệp FDI đã góp phần giải quyết việc làm cho ${count(jobs, "lao động")} của tỉnh.

Vốn đăng ký của ${count(projects, "dự án")} FDI đạt ${money(registered)}, ${change(registered)}.
