"""The topics a member disseminates, as the Border Guard's guidance names them. The command edits the list later."""

from django.db import migrations

DEFAULT_TOPICS = [
    ("law", "Phổ biến, giáo dục pháp luật"),
    ("border-law", "Luật Biên phòng Việt Nam, Luật Biên giới quốc gia"),
    ("policy", "Chủ trương của Đảng, chính sách, pháp luật của Nhà nước"),
    (
        "border-movement",
        "Phong trào “Toàn dân tham gia bảo vệ chủ quyền lãnh thổ, an ninh biên giới quốc gia trong tình hình mới”",
    ),
    ("local-regulations", "Quy định của địa phương, hương ước, quy ước"),
    ("crime-prevention", "Phòng, chống tội phạm: ma túy, buôn lậu, mua bán người"),
    ("iuu-fishing", "Chống khai thác hải sản bất hợp pháp, không báo cáo và không theo quy định (IUU)"),
]


def add_topics(apps, schema_editor):
    topic = apps.get_model("fieldwork", "Topic")
    for position, (code, name) in enumerate(DEFAULT_TOPICS, start=1):
        topic.objects.get_or_create(code=code, defaults={"name": name, "position": position * 10})


def remove_topics(apps, schema_editor):
    apps.get_model("fieldwork", "Topic").objects.filter(code__in=[code for code, _ in DEFAULT_TOPICS]).delete()


class Migration(migrations.Migration):
    dependencies = [("fieldwork", "0001_initial")]

    operations = [migrations.RunPython(add_topics, remove_topics)]
