"""Server messages in the caller's language, zh-CN first.

Services raise and validate in English, the message id; each plugin's `messages` module maps its
English messages to zh-CN, gettext-style. A message with `{placeholders}` (an f-string at the raise
site) is matched as a pattern, and its zh-CN text takes the same values in order as `{0}`, `{1}`…;
a value that is itself a catalog entry (a noun such as "visit") is translated too.

    MESSAGES = {"no visit summary, no expense reimbursement": "无拜访总结不得报销费用",
                "no such {what}": "找不到该{0}", "visit": "拜访"}
"""
import re

DEFAULT_LANGUAGE = "zh-CN"
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")

PLATFORM_MESSAGES = {
    # marshmallow and webargs
    "Missing data for required field.": "缺少必填字段。",
    "Field may not be null.": "此字段不能为空。",
    "Unknown field.": "未知字段。",
    "Invalid input type.": "输入类型无效。",
    "Invalid type.": "类型无效。",
    "Invalid value.": "值无效。",
    "Not a valid string.": "不是有效的文本。",
    "Not a valid integer.": "不是有效的整数。",
    "Not a valid number.": "不是有效的数字。",
    "Not a valid boolean.": "不是有效的是/否值。",
    "Not a valid date.": "不是有效的日期。",
    "Not a valid datetime.": "不是有效的日期时间。",
    "Not a valid list.": "不是有效的列表。",
    "Not a valid mapping type.": "不是有效的对象。",
    "Not a valid email address.": "不是有效的电子邮件地址。",
    "Not a valid UUID.": "不是有效的 UUID。",
    "Not a valid URL.": "不是有效的网址。",
    "Not a valid tuple.": "不是有效的元组。",
    "Not a valid utf-8 string.": "不是有效的 UTF-8 文本。",
    "Not a valid {obj_type}.": "不是有效的{0}。",
    "Not a valid {awareness} {obj_type}.": "不是有效的{0}{1}。",
    "Number too large.": "数值过大。",
    "Special numeric values (nan or infinity) are not permitted.": "不允许特殊数值（NaN 或无穷大）。",
    "Must be one of: {choices}.": "必须是以下之一：{0}。",
    "Length must be between {min} and {max}.": "长度必须在 {0} 到 {1} 之间。",
    "Length must be {equal}.": "长度必须为 {0}。",
    "Shorter than minimum length {min}.": "短于最小长度 {0}。",
    "Longer than maximum length {max}.": "超过最大长度 {0}。",
    "Must be greater than or equal to {min}.": "必须大于或等于 {0}。",
    "Must be greater than {min}.": "必须大于 {0}。",
    "Must be less than or equal to {max}.": "必须小于或等于 {0}。",
    "Must be less than {max}.": "必须小于 {0}。",
    "Must be greater than or equal to {min} and less than or equal to {max}.": "必须在 {0} 到 {1} 之间。",
    "Not a valid datetime or date.": "不是有效的日期或日期时间。",
    "datetime": "日期时间", "date": "日期", "time": "时间", "naive": "不带时区的", "aware": "带时区的",
    # problem titles
    "Invalid transition": "当前状态不允许此操作", "Conflict": "业务规则不允许", "Not found": "未找到",
    "Forbidden": "无权操作", "Unprocessable entity": "输入有误", "Unprocessable Entity": "输入有误",
    "Service unavailable": "服务暂不可用", "Internal error": "内部错误", "Unauthorized": "未登录或登录已失效",
    "Bad Request": "请求格式错误", "Not Found": "未找到", "Method Not Allowed": "不支持此方法",
    "Too Many Requests": "请求过于频繁", "Request Entity Too Large": "上传内容过大",
    "Unsupported Media Type": "不支持的文件类型",
    # the platform's own
    "the picture is empty": "图片为空", "empty file": "空文件", "the picture is too large": "图片过大",
    "at most 10 MB": "最大 10 MB", "a picture is a JPEG or PNG file": "图片须为 JPEG 或 PNG 格式",
    "not a JPEG or PNG file": "不是 JPEG 或 PNG 文件", "the picture cannot be read": "图片无法读取",
    "a damaged or unreadable picture": "图片已损坏或无法读取",
    "some fields are invalid": "部分字段无效，请按提示修改",
    "too many arguments": "参数过多",
    "invalid cursor": "无效的翻页标记",
    "not a cursor this API gave out": "不是本接口给出的翻页标记",
    "not a cursor for this list": "不是这个列表的翻页标记",
    "no such {what}": "找不到该{0}，或您无权查看",
    "cannot {action} a record that is {status}": "当前状态（{1}）下不能执行“{0}”",
    "only the {what}'s own user may do this": "只有该{0}的负责人可以执行此操作",
    "a JSON body is required": "请求需要 JSON 正文",
    "a bearer token is required": "请先登录",
    "your role may not do this": "您的角色无权执行此操作",
    "a service did not answer in time; try again shortly": "服务暂时没有响应，请稍后再试",
    "the service failed; the error has been logged": "服务出错，已记录，请稍后再试",
    "wrong username or password": "用户名或密码错误",
    "too many failed logins; try again later": "登录失败次数过多，请稍后再试",
    "role {role} may not do this": "角色 {0} 无权执行此操作",
    "takes {count} arguments": "最多接受 {0} 个参数",
    "{service}.{method} did not answer": "服务 {0}.{1} 未及时响应",
    "{service} offers no {method}": "服务 {0} 没有 {1} 接口",
    "{service} is stopping; {method} did not run": "服务 {0} 正在停止，{1} 未执行，请稍后再试",
    "{service} refused the direct call: KAM_DIRECT_SECRET differs": "服务 {0} 拒绝了直接调用：KAM_DIRECT_SECRET 不一致",
    "at least 8 characters": "至少 8 个字符",
    "1–64 letters, digits, '.', '_' or '-'": "1–64 个字母、数字、“.”、“_”或“-”",
    "one of {choices}": "须为以下之一：{0}",
    # nouns of the generic messages above, and the roles they name
    "record": "记录", "user": "用户",
    "admin": "系统管理员", "manager": "大客户开发统筹管理", "developer": "大客户开发人员",
    "coordinator": "后勤协调", "planner": "活动策划", "analyst": "数据分析",
}


def _pattern(message_id):
    parts = _PLACEHOLDER.split(message_id)
    return re.compile("^" + "(.+?)".join(re.escape(part) for part in parts) + "$", re.DOTALL)


class Catalog:
    def __init__(self, *message_tables):
        self.exact = {}
        for table in (PLATFORM_MESSAGES, *message_tables):
            for english, chinese in table.items():
                if self.exact.get(english, chinese) != chinese:
                    raise ValueError(f"{english!r} is translated twice, differently")
                self.exact[english] = chinese
        self.patterns = [(_pattern(english), chinese) for english, chinese in self.exact.items()
                         if _PLACEHOLDER.search(english)]

    def zh(self, text):
        """The zh-CN text of an English message; the message itself if the catalog lacks it."""
        if not isinstance(text, str):
            return text
        if text in self.exact:
            return self.exact[text]
        for pattern, chinese in self.patterns:
            found = pattern.match(text)
            if found:
                return chinese.format(*(self.exact.get(value.strip("'\""), value) for value in found.groups()))
        return text

    def translate(self, value, language):
        """A message, a list of messages or a {field: messages} tree, in `language`."""
        if language == "en":
            return value
        if isinstance(value, dict):
            return {key: self.translate(item, language) for key, item in value.items()}
        if isinstance(value, list):
            return [self.translate(item, language) for item in value]
        return self.zh(value)


def language_of(accept_language):
    """zh-CN unless the caller prefers English (Accept-Language: en…) over Chinese."""
    ranked = []
    for index, part in enumerate((accept_language or "").split(",")):
        tag, _, quality = part.strip().partition(";q=")
        try:
            ranked.append((float(quality or 1), -index, tag.strip().lower()))
        except ValueError:
            continue
    for _, _, tag in sorted(ranked, reverse=True):
        if tag.startswith("en"):
            return "en"
        if tag.startswith("zh") or tag == "*":
            return DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE
