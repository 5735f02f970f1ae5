"""dondoc: đôn đốc thực hiện nghị quyết, chương trình, kế hoạch."""
