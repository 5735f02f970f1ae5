# language: vi
Tính năng: Hoàn thành, gia hạn, thu hồi: hệ thống thôi nhắc hoặc nhắc theo hạn mới

  Khi cơ quan chủ trì hoàn thành nhiệm vụ (hoặc nhiệm vụ bị thu hồi), mọi thư nhắc và
  đôn đốc về nhiệm vụ đó dừng ngay; cơ quan chủ trì chỉ còn nhận một thư báo quyết định
  của Văn phòng UBND tỉnh (duyệt kết quả, thu hồi). Khi nhiệm vụ được gia hạn, cơ quan
  chủ trì nhận thư báo gia hạn, việc nhắc bắt đầu lại theo thời hạn mới; thư ghi cả hạn
  ban đầu. Hoàn thành đúng hay quá hạn được tính theo
  thời hạn đang có hiệu lực vào lúc hoàn thành.

  Ví dụ dùng nhiệm vụ "QN124-D1.3h-CHONGCHEO" của Nghị quyết 124/NQ-HĐND (Quảng Ninh):
  Thanh tra tỉnh chủ trì, thời hạn 15/12/2025.

  Bối cảnh:
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm 2025
    Và nhiệm vụ "QN124-D1.3h-CHONGCHEO" (Điều 1, khoản 3, điểm h, đoạn 3) của "Thanh tra tỉnh" có thời hạn 15/12/2025

  Kịch bản: Hoàn thành trước hạn thì không còn thư nào
    Khi hệ thống chạy vào sáng 04/12/2025
    Thì đầu mối và thủ trưởng của "Thanh tra tỉnh" nhận thư nhắc việc về "QN124-D1.3h-CHONGCHEO"
    Khi "Thanh tra tỉnh" hoàn thành nhiệm vụ "QN124-D1.3h-CHONGCHEO" vào ngày 09/12/2025
    Và hệ thống chạy mỗi sáng từ 05/12/2025 đến 31/01/2026
    Thì đầu mối và thủ trưởng của "Thanh tra tỉnh" nhận thư quyết định duyệt kết quả về "QN124-D1.3h-CHONGCHEO" vào sáng 10/12/2025
    Và thư về "QN124-D1.3h-CHONGCHEO" ghi "hoàn thành đúng hạn"
    Và không ai khác nhận thư về "QN124-D1.3h-CHONGCHEO"
    Và nhiệm vụ "QN124-D1.3h-CHONGCHEO" của "Thanh tra tỉnh" có tình trạng "Hoàn thành đúng hạn" vào ngày 20/12/2025

  Kịch bản: Hoàn thành sau khi đã bị đôn đốc thì thôi đôn đốc, tình trạng là hoàn thành quá hạn
    Biết hệ thống đã chạy mỗi sáng đến hết ngày 18/12/2025
    Khi "Thanh tra tỉnh" hoàn thành nhiệm vụ "QN124-D1.3h-CHONGCHEO" vào ngày 19/12/2025
    Và hệ thống chạy mỗi sáng từ 19/12/2025 đến 31/01/2026
    Thì đầu mối và thủ trưởng của "Thanh tra tỉnh" nhận thư quyết định duyệt kết quả về "QN124-D1.3h-CHONGCHEO" vào sáng 20/12/2025
    Và thư về "QN124-D1.3h-CHONGCHEO" ghi "hoàn thành quá hạn"
    Và không ai khác nhận thư về "QN124-D1.3h-CHONGCHEO"
    Và nhiệm vụ "QN124-D1.3h-CHONGCHEO" của "Thanh tra tỉnh" có tình trạng "Hoàn thành quá hạn" vào ngày 20/12/2025

  Kịch bản: Chưa hoàn thành thì đến hạn có tình trạng "Sắp đến hạn", qua hạn là "Quá hạn chưa hoàn thành"
    Thì nhiệm vụ "QN124-D1.3h-CHONGCHEO" của "Thanh tra tỉnh" có tình trạng "Chưa triển khai" vào ngày 01/12/2025
    Và nhiệm vụ "QN124-D1.3h-CHONGCHEO" của "Thanh tra tỉnh" có tình trạng "Sắp đến hạn" vào ngày 10/12/2025
    Và nhiệm vụ "QN124-D1.3h-CHONGCHEO" của "Thanh tra tỉnh" có tình trạng "Quá hạn chưa hoàn thành" vào ngày 16/12/2025

  Kịch bản: Gia hạn: nhắc lại theo hạn mới, thư ghi cả hạn ban đầu
    Biết hệ thống đã chạy mỗi sáng đến hết ngày 10/12/2025
    Khi nhiệm vụ "QN124-D1.3h-CHONGCHEO" của "Thanh tra tỉnh" được gia hạn đến 31/12/2025 vào ngày 10/12/2025
    Và hệ thống chạy mỗi sáng từ 11/12/2025 đến 12/01/2026
    Thì các thư về "QN124-D1.3h-CHONGCHEO" là:
      | sáng       | người nhận                                 | thư                                  |
      | 11/12/2025 | đầu mối và thủ trưởng của "Thanh tra tỉnh" | quyết định gia hạn                   |
      | 15/12/2025 | đầu mối của "Thanh tra tỉnh"               | đề nghị báo cáo tiến độ quý IV/2025  |
      | 22/12/2025 | đầu mối và thủ trưởng của "Thanh tra tỉnh" | nhắc việc                            |
      | 26/12/2025 | đầu mối và thủ trưởng của "Thanh tra tỉnh" | nhắc việc                            |
      | 30/12/2025 | đầu mối và thủ trưởng của "Thanh tra tỉnh" | nhắc việc                            |
      | 31/12/2025 | đầu mối và thủ trưởng của "Thanh tra tỉnh" | nhắc việc                            |
      | 05/01/2026 | đầu mối của "Thanh tra tỉnh"               | quá hạn                              |
      | 05/01/2026 | Văn phòng UBND tỉnh                        | quá hạn                              |
      | 07/01/2026 | thủ trưởng của "Thanh tra tỉnh"            | đôn đốc                              |
      | 07/01/2026 | đầu mối của "Thanh tra tỉnh"               | đôn đốc                              |
      | 07/01/2026 | Văn phòng UBND tỉnh                        | đôn đốc                              |
      | 12/01/2026 | Chánh Văn phòng UBND tỉnh                  | báo cáo vượt cấp                     |
      | 12/01/2026 | thủ trưởng của "Thanh tra tỉnh"            | báo cáo vượt cấp                     |
      | 12/01/2026 | Văn phòng UBND tỉnh                        | báo cáo vượt cấp                     |
    Và thư về "QN124-D1.3h-CHONGCHEO" ghi "Thời hạn:   31/12/2025"
    Và thư về "QN124-D1.3h-CHONGCHEO" ghi "hạn ban đầu 15/12/2025"

  Kịch bản: Thu hồi nhiệm vụ thì không còn thư nào
    Biết hệ thống đã chạy mỗi sáng đến hết ngày 16/12/2025
    Khi nhiệm vụ "QN124-D1.3h-CHONGCHEO" bị thu hồi vào ngày 16/12/2025
    Và hệ thống chạy mỗi sáng từ 17/12/2025 đến 31/01/2026
    Thì đầu mối và thủ trưởng của "Thanh tra tỉnh" nhận thư quyết định thu hồi về "QN124-D1.3h-CHONGCHEO" vào sáng 17/12/2025
    Và không ai khác nhận thư về "QN124-D1.3h-CHONGCHEO"
