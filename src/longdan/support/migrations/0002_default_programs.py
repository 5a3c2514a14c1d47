"""The programs every station starts with; stations can add their own."""

from django.db import migrations

PROGRAMS = [
    ("Nâng bước em tới trường", "scholarship", "Hỗ trợ học sinh nghèo hằng tháng đến khi học xong lớp 12.", 500_000),
    ("Con nuôi Đồn Biên phòng", "foster_child", "Đồn Biên phòng nhận đỡ đầu, nuôi dưỡng học sinh khó khăn.", None),
    ("Mái ấm biên cương", "housing", "Xây, sửa nhà cho hộ nghèo, gia đình chính sách.", None),
    ("Khám bệnh, cấp thuốc miễn phí", "medical", "Khám bệnh, cấp thuốc miễn phí cho nhân dân khu vực biên giới.", None),
    (
        "Vay vốn giải quyết việc làm (Ngân hàng Chính sách xã hội)",
        "loan",
        "Tư vấn, giúp hộ lập hồ sơ vay vốn tạo việc làm, buôn bán nhỏ.",
        None,
    ),
    ("Hỗ trợ sinh kế", "livelihood", "Con giống, cây giống, ngày công lao động.", None),
    ("Tặng quà", "gift", "Quà Tết, quà cho hộ khó khăn.", None),
]


def create(apps, schema_editor):
    program = apps.get_model("support", "SupportProgram")
    for name, kind, description, monthly in PROGRAMS:
        program.objects.get_or_create(
            name=name, defaults={"kind": kind, "description": description, "monthly_amount": monthly}
        )


class Migration(migrations.Migration):
    dependencies = [("support", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
