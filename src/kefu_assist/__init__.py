"""kefu-assist: reply-script suggestions for Taobao/Tmall customer-service agents."""

__version__ = "0.1.0"
