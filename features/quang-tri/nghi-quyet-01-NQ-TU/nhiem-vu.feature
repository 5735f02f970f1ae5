# language: vi
Tính năng: 01-NQ/TU — nhiệm vụ có sản phẩm: nhắc trước hạn, đôn đốc khi quá hạn

  Văn bản: 01-NQ/TU (Tỉnh ủy Quảng Trị).
  Mỗi nhiệm vụ dưới đây có một sản phẩm và một thời hạn. Bảy ngày làm việc trước hạn,
  đầu mối và thủ trưởng cơ quan chủ trì nhận thư nhắc việc (các cơ quan phối hợp cũng
  nhận thư nhắc đầu tiên này: xem kịch bản cuối).
  Quá hạn bảy ngày làm việc mà chưa hoàn thành, Chánh Văn phòng UBND tỉnh nhận thư báo
  cáo vượt cấp, thủ trưởng cơ quan chủ trì và Văn phòng UBND tỉnh cùng nhận. Các bước
  ở giữa (nhắc 3 và 1 ngày trước hạn, đúng hạn; báo quá hạn; đôn đốc thủ trưởng) có
  trong kịch bản cuối, theo từng ngày.

  Khung kịch bản: Nhiệm vụ đến hạn năm 2021: nhắc trước hạn, báo cáo vượt cấp khi quá hạn
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm 2021
    Và nhiệm vụ "<mã>" (<khoản>) của "<chủ trì>" có thời hạn <thời hạn>
    Và các cơ quan phối hợp là "<phối hợp>"
    Khi hệ thống chạy vào sáng <nhắc việc>
    Thì đầu mối và thủ trưởng của "<chủ trì>" nhận thư nhắc việc về "<mã>"
    Và không ai khác nhận thư
    Khi hệ thống chạy vào sáng <vượt cấp>
    Thì Chánh Văn phòng UBND tỉnh nhận thư báo cáo vượt cấp về "<mã>"
    Và thủ trưởng của "<chủ trì>" nhận thư báo cáo vượt cấp về "<mã>"
    Và Văn phòng UBND tỉnh nhận thư báo cáo vượt cấp về "<mã>"
    Và không ai khác nhận thư

    Dữ liệu:
      | mã                   | khoản            | chủ trì                                                                                                                                                                        | phối hợp  | thời hạn   | nhắc việc  | vượt cấp   |
      | QT01-III.1-QUANTRIET | Mục III, khoản 1 | Các huyện, thị, thành ủy, đảng ủy trực thuộc Tỉnh ủy; Các ban, ngành cấp tỉnh (các ban của Tỉnh ủy và các sở, ban, ngành); Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội | không có  | 16/09/2021 | 07/09/2021 | 27/09/2021 |
      | QT01-III.1-CTKH      | Mục III, khoản 1 | Các huyện, thị, thành ủy, đảng ủy trực thuộc Tỉnh ủy; Các ban, ngành cấp tỉnh (các ban của Tỉnh ủy và các sở, ban, ngành); Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội | không có  | 16/09/2021 | 07/09/2021 | 27/09/2021 |
      | QT01-III.3-CTKH      | Mục III, khoản 3 | Ban cán sự đảng UBND tỉnh                                                                                                                                                      | Sở Nội vụ | 16/09/2021 | 07/09/2021 | 27/09/2021 |

  Khung kịch bản: Nhiệm vụ đến hạn năm 2023: nhắc trước hạn, báo cáo vượt cấp khi quá hạn
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm 2023
    Và nhiệm vụ "<mã>" (<khoản>) của "<chủ trì>" có thời hạn <thời hạn>
    Và các cơ quan phối hợp là "<phối hợp>"
    Khi hệ thống chạy vào sáng <nhắc việc>
    Thì đầu mối và thủ trưởng của "<chủ trì>" nhận thư nhắc việc về "<mã>"
    Và không ai khác nhận thư
    Khi hệ thống chạy vào sáng <vượt cấp>
    Thì Chánh Văn phòng UBND tỉnh nhận thư báo cáo vượt cấp về "<mã>"
    Và thủ trưởng của "<chủ trì>" nhận thư báo cáo vượt cấp về "<mã>"
    Và Văn phòng UBND tỉnh nhận thư báo cáo vượt cấp về "<mã>"
    Và không ai khác nhận thư

    Dữ liệu:
      | mã                  | khoản                             | chủ trì           | phối hợp                                                                                                         | thời hạn   | nhắc việc  | vượt cấp   |
      | QT01-III.4-SOKET    | Mục III, khoản 4                  | Văn phòng Tỉnh ủy | Ban Tổ chức Tỉnh ủy; Ban Tuyên giáo Tỉnh ủy; Ban Nội chính Tỉnh ủy; Ban Dân vận Tỉnh ủy; Ủy ban Kiểm tra Tỉnh ủy | 30/06/2023 | 21/06/2023 | 11/07/2023 |
      | QT01-II.3.4-SATHACH | Mục II, khoản 3, điểm 3.4, đoạn 1 | Sở Nội vụ         | không có                                                                                                         | 02/01/2024 | 21/12/2023 | 11/01/2024 |

  Khung kịch bản: Nhiệm vụ đến hạn năm 2025: nhắc trước hạn, báo cáo vượt cấp khi quá hạn
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm 2025
    Và nhiệm vụ "<mã>" (<khoản>) của "<chủ trì>" có thời hạn <thời hạn>
    Và các cơ quan phối hợp là "<phối hợp>"
    Khi hệ thống chạy vào sáng <nhắc việc>
    Thì đầu mối và thủ trưởng của "<chủ trì>" nhận thư nhắc việc về "<mã>"
    Và không ai khác nhận thư
    Khi hệ thống chạy vào sáng <vượt cấp>
    Thì Chánh Văn phòng UBND tỉnh nhận thư báo cáo vượt cấp về "<mã>"
    Và thủ trưởng của "<chủ trì>" nhận thư báo cáo vượt cấp về "<mã>"
    Và Văn phòng UBND tỉnh nhận thư báo cáo vượt cấp về "<mã>"
    Và không ai khác nhận thư

    Dữ liệu:
      | mã                  | khoản                                | chủ trì               | phối hợp                                                                                                         | thời hạn   | nhắc việc  | vượt cấp   |
      | QT01-III.2-COCHE    | Mục III, khoản 2                     | Đảng đoàn HĐND tỉnh   | không có                                                                                                         | 15/12/2025 | 04/12/2025 | 24/12/2025 |
      | QT01-III.4-TONGKET  | Mục III, khoản 4                     | Văn phòng Tỉnh ủy     | Ban Tổ chức Tỉnh ủy; Ban Tuyên giáo Tỉnh ủy; Ban Nội chính Tỉnh ủy; Ban Dân vận Tỉnh ủy; Ủy ban Kiểm tra Tỉnh ủy | 30/09/2025 | 19/09/2025 | 09/10/2025 |
      | QT01-II.3.2-KSDN    | Mục II, khoản 3, điểm 3.2, đoạn cuối | Sở Kế hoạch và Đầu tư | không có                                                                                                         | 31/12/2025 | 22/12/2025 | 12/01/2026 |
      | QT01-II.3.3-KHAOSAT | Mục II, khoản 3, điểm 3.3, đoạn 3    | Sở Nội vụ             | không có                                                                                                         | 31/12/2025 | 22/12/2025 | 12/01/2026 |

  Kịch bản: Các cơ quan phối hợp chỉ nhận thư nhắc việc đầu tiên; cơ quan chủ trì được nhắc đến hạn rồi bị đôn đốc
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm 2025
    Và nhiệm vụ "QT01-III.4-TONGKET" (Mục III, khoản 4) của "Văn phòng Tỉnh ủy" có thời hạn 30/09/2025
    Và các cơ quan phối hợp "Ban Tổ chức Tỉnh ủy; Ban Tuyên giáo Tỉnh ủy; Ban Nội chính Tỉnh ủy; Ban Dân vận Tỉnh ủy; Ủy ban Kiểm tra Tỉnh ủy" cũng được theo dõi
    Khi hệ thống chạy mỗi sáng từ 19/09/2025 đến 09/10/2025
    Thì các thư về "QT01-III.4-TONGKET" là:
      | sáng       | người nhận                                     | thư              |
      | 19/09/2025 | đầu mối và thủ trưởng của "Văn phòng Tỉnh ủy"  | nhắc việc        |
      | 19/09/2025 | đầu mối và thủ trưởng của các cơ quan phối hợp | nhắc việc        |
      | 25/09/2025 | đầu mối và thủ trưởng của "Văn phòng Tỉnh ủy"  | nhắc việc        |
      | 29/09/2025 | đầu mối và thủ trưởng của "Văn phòng Tỉnh ủy"  | nhắc việc        |
      | 30/09/2025 | đầu mối và thủ trưởng của "Văn phòng Tỉnh ủy"  | nhắc việc        |
      | 01/10/2025 | đầu mối của "Văn phòng Tỉnh ủy"                | quá hạn          |
      | 01/10/2025 | Văn phòng UBND tỉnh                            | quá hạn          |
      | 03/10/2025 | thủ trưởng của "Văn phòng Tỉnh ủy"             | đôn đốc          |
      | 03/10/2025 | đầu mối của "Văn phòng Tỉnh ủy"                | đôn đốc          |
      | 03/10/2025 | Văn phòng UBND tỉnh                            | đôn đốc          |
      | 09/10/2025 | Chánh Văn phòng UBND tỉnh                      | báo cáo vượt cấp |
      | 09/10/2025 | thủ trưởng của "Văn phòng Tỉnh ủy"             | báo cáo vượt cấp |
      | 09/10/2025 | Văn phòng UBND tỉnh                            | báo cáo vượt cấp |
    Và mỗi người nhận nhiều nhất một thư mỗi sáng
    Và không ai khác nhận thư
