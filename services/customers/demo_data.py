"""The demo department's customers: realistic files covering every category, persons and organisations."""

# (name, kind, category, owner index, referrer name, phone, wechat, occupation, hobbies, holdings, anniversary in days)
PEOPLE = [
    ("王丽", "person", "high_value", 0, None, "13812345678", "wangli_88", "外企财务总监", ["高尔夫", "旅行"],
     [("钻戒", "经典六爪", "1.2", "GIA", "128000.00")], 21),
    ("刘建国", "person", "important", 0, None, "13901112233", None, "市机关干部", ["书法"], [], 200),
    ("华信科技有限公司", "organization", "group_purchase", 1, None, "02168881234", None, None, [], [], None),
    ("周婷", "person", "potential", 1, None, "13755556666", "zhouting", "医生", ["瑜伽"],
     [("钻石吊坠", "心形", "1.05", "NGTC", "86000.00"), ("黄金手镯", "古法", None, None, "23000.00")], 45),
    ("金鼎集团", "organization", "strategic", 0, None, "01088886666", None, None, [], [], None),
    ("陈晓东", "person", "high_value", 1, None, "13677778888", "chenxd", "私营企业主", ["收藏", "红酒"],
     [("翡翠手镯", "冰种", None, "国检", "260000.00")], 90),
    ("李梅", "person", None, 0, "王丽", "13566667777", "limei_sh", "大学教师", ["钢琴"], [], 12),
    ("张伟", "person", "potential", 0, "王丽", "13322223333", None, "律师", ["马拉松"],
     [("钻戒", "公主方", "1.5", "GIA", "168000.00")], 300),
    ("赵敏", "person", None, 1, "陈晓东", "13411112222", "zhaomin", "设计师", ["摄影"], [], 55),
    ("孙浩然", "person", "important", 0, "刘建国", "13899990000", None, "区人大代表", ["围棋"], [], None),
    ("欧阳娜娜", "person", "high_value", 1, None, "13100001111", "ouyangnana", "大提琴演奏家", ["音乐会"],
     [("珍珠项链", "南洋金珠", None, None, "58000.00")], 33),
    ("钱芳", "person", None, 0, None, "13200002222", None, "会计", [], [], None),
    ("吴宏亮", "person", "high_value", 1, "陈晓东", "13988887777", "wuhl", "房地产开发商", ["游艇"],
     [("钻石袖扣", "方形", "0.8", "IGI", "45000.00"), ("男士钻戒", "素圈镶钻", "1.0", "GIA", "98000.00")], 150),
    ("郑雅琪", "person", None, 1, "赵敏", "13700003333", "yaqi_z", "主持人", ["时装"], [], 7),
    ("冯志强", "person", "important", 0, None, "13600004444", None, "军区后勤部干部", [], [], None),
    ("恒通商会", "organization", "group_purchase", 0, "金鼎集团", "02087654321", None, None, [], [], None),
    ("林晓燕", "person", "potential", 1, "欧阳娜娜", "13500005555", "linxy", "钢琴教师", ["插花"],
     [("钻石耳钉", "四爪", "0.5", "NGTC", "32000.00")], 40),
    ("何俊", "person", None, 0, None, "13300006666", None, "程序员", ["电竞"], [], None),
    ("星辰医疗集团", "organization", "strategic", 1, None, "075512345678", None, None, [], [], None),
    ("蒋文", "person", None, 1, None, "13200007777", "jiangwen", "出租车司机", [], [], None),
    ("韩雪", "person", "high_value", 0, "张伟", "13100008888", "hanxue", "投资人", ["滑雪"],
     [("钻戒", "椭圆形", "2.0", "GIA", "320000.00")], 58),
    ("沈阳光", "person", None, 1, None, "13900009999", None, "中学校长", ["读书"], [], None),
    ("宋佳怡", "person", "potential", 0, "韩雪", "13800001234", "songjy", "品牌经理", ["烘焙"],
     [("铂金项链", "锁骨链", None, None, "18000.00"), ("钻戒", "单钻", "1.0", "GIA", "76000.00")], 25),
    ("唐诗雨", "person", None, 1, None, "13700004321", None, "茶艺师", ["茶道"], [], None),
]

ORGANIZATIONS = {
    "华信科技有限公司": {"size": 800, "industry": "软件", "decision_makers": ["总经理 黄总"], "buyers": ["行政部 苏经理"],
                        "users": ["全体员工（年会奖品）"], "decision_process": "行政部提出需求，总经理办公会决定",
                        "initiating_department": "行政部", "deciding_department": "总经理办公会"},
    "金鼎集团": {"size": 5000, "industry": "金融", "decision_makers": ["董事长 许先生"], "buyers": ["采购中心"],
                 "users": ["高管与重要客户"], "decision_process": "采购中心比价，董事会审批"},
    "恒通商会": {"size": 260, "industry": "商会", "decision_makers": ["会长"], "buyers": ["秘书处"], "users": ["会员企业"]},
    "星辰医疗集团": {"size": 3200, "industry": "医疗", "decision_makers": ["CEO"], "buyers": ["工会"], "users": ["医护人员"]},
}

LINKS = [("王丽", "张伟", "colleague"), ("陈晓东", "吴宏亮", "business_partner"), ("王丽", "李梅", "classmate"),
         ("赵敏", "郑雅琪", "friend"), ("韩雪", "宋佳怡", "same_club"), ("欧阳娜娜", "林晓燕", "relative"),
         ("刘建国", "孙浩然", "colleague"), ("金鼎集团", "恒通商会", "business_partner")]

PLANS = [  # (customer, plan, budget, how far it goes)
    ("王丽", "结婚十周年前邀请参加克拉钻品鉴会，并安排上门拜访", "3000.00", "approved"),
    ("周婷", "邀请参加医生沙龙与珠宝保养讲座", "1500.00", "pending_approval"),
    ("陈晓东", "寄送翡翠收藏资料，约茶叙", "2000.00", "rejected"),
    ("欧阳娜娜", "音乐会后安排私人定制咨询", "2500.00", "draft"),
    ("华信科技有限公司", "年会奖品团购方案，拜访行政部", "5000.00", "approved"),
]
