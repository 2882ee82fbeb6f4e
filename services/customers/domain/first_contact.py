"""First-contact guidance: a template per channel and language, following the department's advice.

Open from a neutral topic (the season, a public topic), never ask for the purchase outright, lead from the
customer's interest, and end with the developer's own contact details. SMS and WeChat: short, clear, no
jargon, ask for a reply. Phone: the most respectful channel. E-mail: a tidy layout, one idea a paragraph."""
from string import Template

GUIDANCE = {
    "zh-CN": {
        "sms": "简洁清楚，不用行话，结尾请对方回复。",
        "wechat": "简洁清楚，不用行话，结尾请对方回复。",
        "phone": "电话是最尊重对方的方式：从对方的兴趣谈起，不要直接要求购买。",
        "email": "成本低、速度快，但容易显得随意：注意字体、字号、行距与版式。",
    },
    "en": {
        "sms": "Short and clear, no jargon, ask for a reply.",
        "wechat": "Short and clear, no jargon, ask for a reply.",
        "phone": "The most respectful channel: lead from the customer's interest, never ask for the purchase.",
        "email": "Cheap and fast but can feel informal: mind the font, size, spacing and layout.",
    },
}

TEMPLATES = {
    ("zh-CN", "sms"): "$salutation您好！近来天气多变，注意添衣保暖。我是$company的$developer，"
                      "最近整理了一些珠宝保养的小知识，想与您分享，方便时回复我一句就好。$signature",
    ("zh-CN", "phone"): "开场：$salutation您好，我是$company的$developer，打扰您一两分钟。最近$season，"
                        "不知道您近来是否安好？\n"
                        "引导：听说您对$interest颇有兴趣，我们最近有一场相关的品鉴交流，想听听您的看法。\n"
                        "注意：不直接谈购买，多听少说，约定下次联系的时间。\n"
                        "结束：感谢您抽空，您随时可以找我，我的联系方式：$contact_line",
    ("zh-CN", "email"): "主题：$season的问候\n\n$salutation您好：\n\n$season，愿您和家人一切安好。\n\n"
                        "我是$company大客户部的$developer。我们为客户提供私人定制、珠宝品鉴与保养维修等服务，"
                        "如您对$interest感兴趣，我很乐意为您整理一些资料。\n\n"
                        "期待您的回复。\n\n$developer\n$company 大客户部\n$contact_line",
    ("en", "sms"): "Dear $salutation, the weather has been changeable lately; do take care. I am $developer from "
                   "$company and have put together a few tips on caring for jewelry that I would be glad to "
                   "share. A short reply whenever convenient would be lovely. $signature",
    ("en", "phone"): "Opening: Good day $salutation, this is $developer from $company; may I take two minutes "
                     "of your time? How have you been this $season?\n"
                     "Lead: I heard you enjoy $interest; we are holding a small appreciation session on it and "
                     "I would value your view.\n"
                     "Mind: never ask for the purchase; listen more than you speak; agree when to talk next.\n"
                     "Close: thank you for your time; you can always reach me at $contact_line.",
    ("en", "email"): "Subject: Greetings for the $season\n\nDear $salutation,\n\nI hope this $season finds you "
                     "and your family well.\n\nI am $developer of the Key Account Department at $company. We "
                     "offer personal custom design, jewelry appraisal, care and repair; if $interest is of "
                     "interest, I would be glad to prepare some material for you.\n\nI look forward to hearing "
                     "from you.\n\n$developer\nKey Account Department, $company\n$contact_line",
}
SEASONS = {"zh-CN": ("冬日", "春日", "夏日", "秋日"), "en": ("winter", "spring", "summer", "autumn")}
DEFAULT_INTEREST = {"zh-CN": "珠宝", "en": "jewelry"}
COMPANY = {"zh-CN": "我们珠宝公司", "en": "our jewelry house"}


# 复姓: a person is greeted by the whole surname (司徒先生, never 司先生).
COMPOUND_SURNAMES = frozenset((
    "欧阳 太史 端木 上官 司马 东方 独孤 南宫 万俟 闻人 夏侯 诸葛 尉迟 公羊 赫连 澹台 皇甫 宗政 濮阳 公冶 太叔 "
    "申屠 公孙 慕容 仲孙 钟离 长孙 宇文 司徒 鲜于 司空 闾丘 子车 亓官 司寇 巫马 公西 颛孙 壤驷 公良 漆雕 乐正 "
    "宰父 谷梁 拓跋 夹谷 轩辕 令狐 段干 百里 呼延 东郭 南门 羊舌 微生 梁丘 左丘 西门 第五 南荣 东里 即墨 达奚 "
    "褚师 淳于 单于 呼衍 东门 锺离").split())


def surname(name):
    return name[:2] if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else name[:1]


def salutation(customer, language):
    name = customer["name"]
    if customer["kind"] == "organization":
        return f"{name}的负责人" if language == "zh-CN" else f"colleagues at {name}"
    return f"{surname(name)}先生/女士" if language == "zh-CN" else name


def contact_line(developer):
    parts = [developer.get(key) for key in ("phone", "wechat", "email") if developer.get(key)]
    return " / ".join(parts) if parts else ""


def render(customer, developer, channel, language, month):
    """The template of `channel` in `language`, filled from the customer and the developer."""
    template = TEMPLATES[(language, "sms" if channel == "wechat" else channel)]
    hobbies = (customer.get("profile") or {}).get("hobbies") or []
    line = contact_line(developer)
    name = developer.get("name") or ""
    signature = f"—— {name} {line}".strip() if language == "zh-CN" else f"— {name}, {line}".strip(", ")
    text = Template(template).substitute(
        salutation=salutation(customer, language), developer=name, company=COMPANY[language],
        season=SEASONS[language][(month % 12) // 3], interest=hobbies[0] if hobbies else DEFAULT_INTEREST[language],
        contact_line=line, signature=signature)
    return {"channel": channel, "language": language, "text": text, "guidance": GUIDANCE[language][channel]}
