# Comity (zh): 各功能模块表单通用的措辞

form-csrf-failed = 此表单已过期，或并非来自本网站。请重新加载页面后再次提交。
form-sign-in = 请先登录。
form-failed = 无法记录该行为；未作任何更改。详细信息见服务器日志。
form-too-fast = 您的账户在短时间内提交的行为过多；未记录任何内容。请在 { $seconds } 秒后重试。
form-hidden-character-title = 未记录：含有隐藏字符
form-hidden-character = 未记录任何内容。{ $detail }。文本中不能包含控制字符和方向覆盖字符：它们会隐藏或打乱他人所读的内容。请返回，删除该字符后重新提交表单。
form-journal-faulty = 日志无法延续（某个条目未能链接，或有条目被删除），因此在运维人员修复之前不会记录任何内容。/healthz 会说明所发现的问题。
form-number = 请填写修正案编号。
form-time = 请填写时间，例如 2026-12-01T17:00:00Z。
form-choose-state = 请选择您代表其投票的国家。
form-unknown-act = 此表单请求的是平台未知的行为。
refused-field-empty = { $field }：不得为空。
refused-field-too-long = { $field }：最多 { $max } 个字符。
refused-duplicate = { $name } 被列出了两次。
form-choose-organ = 请选择提出意见的机关。
form-count = 请填写票数（0 或以上的整数）。
