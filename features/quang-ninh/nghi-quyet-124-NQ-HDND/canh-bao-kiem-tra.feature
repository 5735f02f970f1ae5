# language: vi
Tính năng: 124/NQ-HĐND — cảnh báo tiến độ kiểm tra đột xuất

  Nghị quyết yêu cầu ít nhất 02 cuộc kiểm tra đột xuất mỗi năm tại mỗi Trung tâm hành
  chính công và Bộ phận một cửa cấp xã. Việc theo dõi kiểm tra (workflows.inspections)
  xét từng đơn vị ở các mốc công khai: hết 30/06 phải có ít nhất 1 cuộc, hết 31/10 đủ 2,
  hết năm vẫn thiếu thì báo cáo vượt cấp lên Văn phòng UBND tỉnh. Thư chỉ gửi trưởng đoàn
  kiểm tra và Văn phòng, không bao giờ nêu ngày dự kiến kiểm tra, và không ai ở đơn vị
  được kiểm tra nhận thư.

  Bối cảnh:
    Biết danh mục mẫu đã được nạp và lập kế hoạch năm 2025
    Và nhiệm vụ kiểm tra "QN124-D1.3c-KTDX" (Điều 1, khoản 3, điểm c, đoạn 9) của "Sở Nội vụ" năm 2025

  Kịch bản: Hết 30/06 chưa kiểm tra đơn vị nào: trưởng đoàn kiểm tra được cảnh báo
    Khi hệ thống kiểm tra tiến độ kiểm tra vào sáng 01/07/2025
    Thì trưởng đoàn kiểm tra của "Sở Nội vụ" nhận thư cảnh báo chậm kiểm tra về "QN124-D1.3c-KTDX"
    Và thư về "QN124-D1.3c-KTDX" ghi "đến hết ngày 30/06/2025 cần ít nhất 1"
    Và không đơn vị được kiểm tra nào nhận thư
    Và không ai khác nhận thư

  Kịch bản: Hết năm vẫn chưa đủ: báo cáo vượt cấp lên Văn phòng UBND tỉnh
    Khi hệ thống kiểm tra tiến độ kiểm tra vào sáng 05/01/2026
    Thì Văn phòng UBND tỉnh nhận thư báo cáo vượt cấp về "QN124-D1.3c-KTDX"
    Và Chánh Văn phòng UBND tỉnh nhận thư báo cáo vượt cấp về "QN124-D1.3c-KTDX"
    Và trưởng đoàn kiểm tra của "Sở Nội vụ" nhận thư báo cáo vượt cấp về "QN124-D1.3c-KTDX"
    Và không đơn vị được kiểm tra nào nhận thư
    Và không ai khác nhận thư về "QN124-D1.3c-KTDX"
