# language: vi
Tính năng: 01-NQ/TU — báo cáo định kỳ: đề nghị, nhắc khi chốt số liệu, báo cáo vượt cấp khi không nộp

  Văn bản: 01-NQ/TU (Tỉnh ủy Quảng Trị).
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
      | mã                   | khoản                             | kỳ                   | chủ trì                                     | phối hợp  | thời hạn   | đề nghị    | chốt số liệu | vượt cấp   |
      | QT01-III.3-BAOCAO    | Mục III, khoản 3                  | 6 tháng đầu năm 2025 | Ban cán sự đảng UBND tỉnh                   | Sở Nội vụ | 20/06/2025 | 09/06/2025 | 16/06/2025   | 03/07/2025 |
      | QT01-III.4-GIAMSAT   | Mục III, khoản 4                  | Năm 2025             | Các cơ quan tham mưu, giúp việc của Tỉnh ủy | không có  | 19/12/2025 | 08/12/2025 | 15/12/2025   | 05/01/2026 |
      | QT01-II.3.1-RASOATVB | Mục II, khoản 3, điểm 3.1, đoạn 1 | Năm 2025             | Sở Tư pháp                                  | không có  | 19/12/2025 | 08/12/2025 | 15/12/2025   | 05/01/2026 |
