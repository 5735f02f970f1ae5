# language: vi
Tính năng: Chỉ đạo của Chủ tịch UBND tỉnh tại Hội nghị tổng kết 10 năm CCHC — báo cáo định kỳ: đề nghị, nhắc khi chốt số liệu, báo cáo vượt cấp khi không nộp

  Văn bản: Chỉ đạo của Chủ tịch UBND tỉnh tại Hội nghị tổng kết 10 năm CCHC (Chủ tịch UBND tỉnh Quảng Ninh).
  Năm ngày làm việc trước ngày chốt số liệu (Nghị định 09/2019/NĐ-CP), đầu mối của
  cơ quan chủ trì nhận thư đề nghị báo cáo; vào ngày chốt số liệu, đầu mối và thủ
  trưởng được nhắc gửi báo cáo. Hai ngày làm việc sau hạn nộp mà chưa có báo cáo thì
  bị coi là thiếu báo cáo; bảy ngày làm việc sau đó, Chánh Văn phòng UBND tỉnh nhận
  thư báo cáo vượt cấp.

  Khung kịch bản: Báo cáo năm 2025: đề nghị báo cáo, rồi nhắc gửi khi chốt số liệu, rồi báo cáo vượt cấp khi không nộp
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm 2025
    Và nhiệm vụ "<mã>" (<khoản>) kỳ "<kỳ>" của "<chủ trì>" có thời hạn <thời hạn>
    Và các cơ quan phối hợp là "<phối hợp>"
    Khi hệ thống chạy vào sáng <đề nghị>
    Thì đầu mối của "<chủ trì>" nhận thư đề nghị báo cáo <kỳ> về "<mã>"
    Và không ai khác nhận thư
    Khi hệ thống chạy vào sáng <chốt số liệu>
    Thì đầu mối và thủ trưởng của "<chủ trì>" nhận thư nhắc gửi báo cáo <kỳ> về "<mã>"
    Và không ai khác nhận thư
    Khi hệ thống chạy vào sáng <vượt cấp>
    Thì Chánh Văn phòng UBND tỉnh nhận thư báo cáo vượt cấp về "<mã>"
    Và thủ trưởng của "<chủ trì>" nhận thư báo cáo vượt cấp về "<mã>"
    Và Văn phòng UBND tỉnh nhận thư báo cáo vượt cấp về "<mã>"
    Và không ai khác nhận thư

    Dữ liệu:
      | mã                      | khoản                                                    | kỳ                   | chủ trì                                                                     | phối hợp            | thời hạn   | đề nghị    | chốt số liệu | vượt cấp   |
      | QNCD10N-P2-NGUOIDUNGDAU | Phát biểu kết luận của Chủ tịch UBND tỉnh, đoạn 2, câu 1 | Năm 2025             | Các sở, ban, ngành thuộc tỉnh; Ủy ban nhân dân các huyện, thị xã, thành phố | Sở Nội vụ           | 19/12/2025 | 08/12/2025 | 15/12/2025   | 05/01/2026 |
      | QNCD10N-P3-CNTT         | Phát biểu kết luận của Chủ tịch UBND tỉnh, đoạn 3, câu 1 | 6 tháng đầu năm 2025 | Sở Thông tin và Truyền thông                                                | Văn phòng UBND tỉnh | 20/06/2025 | 09/06/2025 | 16/06/2025   | 03/07/2025 |
