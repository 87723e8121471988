<#-- Giao lưu văn hóa, thể thao và du lịch. -->
<#assign culture = figure("activity_count", "field", "culture")>
<#assign sports = figure("activity_count", "field", "sports")>
<#assign tourism = figure("activity_count", "field", "tourism")>
Các hoạt động giao lưu, hợp tác văn hóa, quảng bá du lịch được đẩy mạnh, góp phần quảng bá hình ảnh của Tỉnh
với bạn bè trong và ngoài nước: năm ${year} có ${count2(culture, "hoạt động")} văn hóa (${change(culture)}),
${count2(sports, "hoạt động")} thể thao và ${count2(tourism, "hoạt động")} du lịch, với sự tham gia của
${partners(culture, sports, tourism)}.
