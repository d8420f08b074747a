"""The scenario categories of ../shared/scenarios.md. Their ids are a contract with the eval files
and the JSON output, so they live in exactly one place."""
from __future__ import annotations

CATEGORIES: dict[str, str] = {
    "greeting": "问候",
    "bargain": "议价",
    "promotion": "优惠活动",
    "shipping_fee": "包邮/运费",
    "stock": "库存",
    "size": "尺码",
    "color_difference": "色差",
    "quality": "质量/正品",
    "shipping_time": "发货时间",
    "delivery_time": "到货时效",
    "courier": "快递选择",
    "logistics": "物流查询",
    "invoice": "发票",
    "payment": "付款方式",
    "order_change": "修改订单",
    "cancel_order": "取消订单",
    "return_exchange": "退换货",
    "defect": "收到货有问题",
    "complaint": "投诉/差评",
    "hesitation": "犹豫",
    "thanks": "致谢/结束",
    "order_placed": "已下单",
    "care_warranty": "保养/保修",
}
