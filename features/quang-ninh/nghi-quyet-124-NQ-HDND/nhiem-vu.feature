# language: vi
Tính năng: 124/NQ-HĐND — nhiệm vụ có sản phẩm: nhắc trước hạn, đôn đốc khi quá hạn

  Văn bản: 124/NQ-HĐND (HĐND tỉnh Quảng Ninh).
  Mỗi nhiệm vụ dưới đây có một sản phẩm và một thời hạn. Bảy ngày làm việc trước hạn,
  đầu mối và thủ trưởng cơ quan chủ trì nhận thư nhắc việc (các cơ quan phối hợp cũng
  nhận thư nhắc đầu tiên này: xem kịch bản cuối).
  Quá hạn bảy ngày làm việc mà chưa hoàn thành, Chánh Văn phòng UBND tỉnh nhận thư báo
  cáo vượt cấp, thủ trưởng cơ quan chủ trì và Văn phòng UBND tỉnh cùng nhận. Các bước
  ở giữa (nhắc 3 và 1 ngày trước hạn, đúng hạn; báo quá hạn; đôn đốc thủ trưởng) có
  trong kịch bản cuối, theo từng ngày.

  Khung kịch bản: Nhiệm vụ đến hạn năm 2022: nhắc trước hạn, báo cáo vượt cấp khi quá hạn
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm 2022
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
      | mã                    | khoản                           | chủ trì             | phối hợp                                                                    | thời hạn   | nhắc việc  | vượt cấp   |
      | QN124-D3.1-KHTK       | Điều 3, khoản 1                 | Sở Nội vụ           | Văn phòng UBND tỉnh; Sở Kế hoạch và Đầu tư; Sở Thông tin và Truyền thông    | 05/12/2022 | 24/11/2022 | 14/12/2022 |
      | QN124-D1.3-CTKH       | Điều 1, khoản 3 (đoạn mở đầu)   | Sở Nội vụ           | Văn phòng UBND tỉnh; Sở Thông tin và Truyền thông; Sở Kế hoạch và Đầu tư    | 03/01/2023 | 22/12/2022 | 12/01/2023 |
      | QN124-D1.3c-TTHCNB-KH | Điều 1, khoản 3, điểm c, đoạn 7 | Văn phòng UBND tỉnh | Các sở, ban, ngành thuộc tỉnh; Ủy ban nhân dân các huyện, thị xã, thành phố | 03/01/2023 | 22/12/2022 | 12/01/2023 |
      | QN124-D1.3d-DEAN      | Điều 1, khoản 3, điểm d, đoạn 1 | Sở Nội vụ           | Các sở, ban, ngành thuộc tỉnh; Ủy ban nhân dân các huyện, thị xã, thành phố | 03/01/2023 | 22/12/2022 | 12/01/2023 |
      | QN124-D1.3f-KHTC3N    | Điều 1, khoản 3, điểm f, đoạn 1 | Sở Tài chính        | Sở Kế hoạch và Đầu tư                                                       | 12/12/2022 | 01/12/2022 | 21/12/2022 |

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
      | mã                     | khoản                           | chủ trì                                                                     | phối hợp                                                                                     | thời hạn   | nhắc việc  | vượt cấp   |
      | QN124-D1.3a-PHANCONG   | Điều 1, khoản 3, điểm a, đoạn 1 | Các sở, ban, ngành thuộc tỉnh; Ủy ban nhân dân các huyện, thị xã, thành phố | Sở Nội vụ                                                                                    | 31/01/2023 | 13/01/2023 | 09/02/2023 |
      | QN124-D1.3b-PHANCAP    | Điều 1, khoản 3, điểm b, đoạn 2 | Sở Nội vụ                                                                   | Sở Tư pháp; Các sở, ban, ngành thuộc tỉnh                                                    | 30/06/2023 | 21/06/2023 | 11/07/2023 |
      | QN124-D1.3b-KHOINGHIEP | Điều 1, khoản 3, điểm b, đoạn 4 | Sở Kế hoạch và Đầu tư                                                       | Sở Khoa học và Công nghệ; Ban Xúc tiến và Hỗ trợ đầu tư                                      | 02/01/2024 | 21/12/2023 | 11/01/2024 |
      | QN124-D1.3c-QCPH       | Điều 1, khoản 3, điểm c, đoạn 7 | Văn phòng UBND tỉnh                                                         | Sở Nội vụ; Sở Tư pháp                                                                        | 30/06/2023 | 21/06/2023 | 11/07/2023 |
      | QN124-D1.3e-BAOVECB    | Điều 1, khoản 3, điểm e, đoạn 4 | Sở Nội vụ                                                                   | Sở Tư pháp                                                                                   | 02/01/2024 | 21/12/2023 | 11/01/2024 |
      | QN124-D1.3e-THUHUT     | Điều 1, khoản 3, điểm e, đoạn 4 | Sở Nội vụ                                                                   | Sở Tài chính; Sở Tư pháp                                                                     | 02/01/2024 | 21/12/2023 | 11/01/2024 |
      | QN124-D1.3e-HOTROCNTT  | Điều 1, khoản 3, điểm e, đoạn 4 | Sở Thông tin và Truyền thông                                                | Sở Nội vụ; Sở Tài chính                                                                      | 02/01/2024 | 21/12/2023 | 11/01/2024 |
      | QN124-D1.3e-HOTRO1CUA  | Điều 1, khoản 3, điểm e, đoạn 4 | Sở Nội vụ                                                                   | Sở Tài chính; Văn phòng UBND tỉnh                                                            | 02/01/2024 | 21/12/2023 | 11/01/2024 |
      | QN124-D1.3i-CHUYENDE   | Điều 1, khoản 3, điểm i         | Sở Nội vụ                                                                   | Văn phòng UBND tỉnh; Sở Tư pháp; Sở Thông tin và Truyền thông; Ban Xúc tiến và Hỗ trợ đầu tư | 31/03/2023 | 22/03/2023 | 11/04/2023 |

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
      | mã                      | khoản                           | chủ trì                       | phối hợp                                                                    | thời hạn   | nhắc việc  | vượt cấp   |
      | QN124-D1.3a-CHISO       | Điều 1, khoản 3, điểm a, đoạn 2 | Sở Nội vụ                     | Văn phòng UBND tỉnh; Trung tâm PVHCC tỉnh                                   | 31/03/2025 | 20/03/2025 | 10/04/2025 |
      | QN124-D1.3a-DDCI        | Điều 1, khoản 3, điểm a, đoạn 2 | Ban Xúc tiến và Hỗ trợ đầu tư | Sở Kế hoạch và Đầu tư                                                       | 31/03/2025 | 20/03/2025 | 10/04/2025 |
      | QN124-D1.3a-KHKT        | Điều 1, khoản 3, điểm a, đoạn 3 | Sở Nội vụ                     | Thanh tra tỉnh; Văn phòng UBND tỉnh                                         | 03/02/2025 | 16/01/2025 | 11/02/2025 |
      | QN124-D1.3a-TUYENTRUYEN | Điều 1, khoản 3, điểm a, đoạn 4 | Sở Nội vụ                     | Sở Thông tin và Truyền thông                                                | 03/02/2025 | 16/01/2025 | 11/02/2025 |
      | QN124-D1.3c-TTHCNB-TH   | Điều 1, khoản 3, điểm c, đoạn 7 | Văn phòng UBND tỉnh           | Các sở, ban, ngành thuộc tỉnh; Ủy ban nhân dân các huyện, thị xã, thành phố | 31/12/2025 | 22/12/2025 | 12/01/2026 |
      | QN124-D1.3e-DTBD        | Điều 1, khoản 3, điểm e, đoạn 3 | Sở Nội vụ                     | Các sở, ban, ngành thuộc tỉnh; Ủy ban nhân dân các huyện, thị xã, thành phố | 03/02/2025 | 16/01/2025 | 11/02/2025 |
      | QN124-D1.3f-DUTOAN      | Điều 1, khoản 3, điểm f, đoạn 1 | Sở Tài chính                  | Sở Kế hoạch và Đầu tư                                                       | 10/12/2025 | 01/12/2025 | 19/12/2025 |
      | QN124-D1.3h-DOITHOAI    | Điều 1, khoản 3, điểm h, đoạn 2 | Sở Kế hoạch và Đầu tư         | Ban Xúc tiến và Hỗ trợ đầu tư; Văn phòng UBND tỉnh                          | 30/06/2025 | 19/06/2025 | 09/07/2025 |
      | QN124-D1.3h-CHONGCHEO   | Điều 1, khoản 3, điểm h, đoạn 3 | Thanh tra tỉnh                | Các sở, ban, ngành thuộc tỉnh; Ủy ban nhân dân các huyện, thị xã, thành phố | 15/12/2025 | 04/12/2025 | 24/12/2025 |
      | QN124-D1.3h-XTDT        | Điều 1, khoản 3, điểm h, đoạn 5 | Ban Xúc tiến và Hỗ trợ đầu tư | Sở Kế hoạch và Đầu tư                                                       | 31/12/2025 | 22/12/2025 | 12/01/2026 |

  Kịch bản: Các cơ quan phối hợp chỉ nhận thư nhắc việc đầu tiên; cơ quan chủ trì được nhắc đến hạn rồi bị đôn đốc
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm 2025
    Và nhiệm vụ "QN124-D1.3a-CHISO" (Điều 1, khoản 3, điểm a, đoạn 2) của "Sở Nội vụ" có thời hạn 31/03/2025
    Và các cơ quan phối hợp "Văn phòng UBND tỉnh; Trung tâm PVHCC tỉnh" cũng được theo dõi
    Khi hệ thống chạy mỗi sáng từ 20/03/2025 đến 10/04/2025
    Thì các thư về "QN124-D1.3a-CHISO" là:
      | sáng       | người nhận                                     | thư              |
      | 20/03/2025 | đầu mối và thủ trưởng của "Sở Nội vụ"          | nhắc việc        |
      | 20/03/2025 | đầu mối và thủ trưởng của các cơ quan phối hợp | nhắc việc        |
      | 26/03/2025 | đầu mối và thủ trưởng của "Sở Nội vụ"          | nhắc việc        |
      | 28/03/2025 | đầu mối và thủ trưởng của "Sở Nội vụ"          | nhắc việc        |
      | 31/03/2025 | đầu mối và thủ trưởng của "Sở Nội vụ"          | nhắc việc        |
      | 01/04/2025 | đầu mối của "Sở Nội vụ"                        | quá hạn          |
      | 01/04/2025 | Văn phòng UBND tỉnh                            | quá hạn          |
      | 03/04/2025 | thủ trưởng của "Sở Nội vụ"                     | đôn đốc          |
      | 03/04/2025 | đầu mối của "Sở Nội vụ"                        | đôn đốc          |
      | 03/04/2025 | Văn phòng UBND tỉnh                            | đôn đốc          |
      | 10/04/2025 | Chánh Văn phòng UBND tỉnh                      | báo cáo vượt cấp |
      | 10/04/2025 | thủ trưởng của "Sở Nội vụ"                     | báo cáo vượt cấp |
      | 10/04/2025 | Văn phòng UBND tỉnh                            | báo cáo vượt cấp |
    Và mỗi người nhận nhiều nhất một thư mỗi sáng
    Và không ai khác nhận thư
