# Comity (zh): 选举和纸质选票

nav-elections = 选举
elections-title = 选举
elections-secret = 无记名投票：日志记录哪些国家已投票，但绝不记录如何投票。选票存放在投票箱中，与投票人没有任何关联，并在计票时分组公布。
elections-none = 尚未举行任何选举。
election-method = 选举方法
election-seats = 席位
election-seats-n = { $seats } 个席位
election-open = 进行中
election-counted = 已计票
election-turnout = 投票率
election-candidates = 候选人
election-elected = 当选
election-count = 计票
election-ballots = { $count } 张选票（{ $distinct } 种不同排序），随结果一并公布
# review: STV "quota" rendered as 当选基数; 当选票额 or 配额 are also in use
election-quota = 当选基数 { $quota }
election-by-lot = 票数相同的情况已通过抽签决定，抽签使用该选举已记录的随机种子。
election-stages = 逐轮计票
election-stage = 轮次
election-ballots-json = 已公布的选票（JSON）
election-your-ballot = 您的选票
election-preference = 第 { $n } 选择
election-close = 结束选举并计票
paper-title = 纸质选票
paper-intro = 如果该机关在会场投票，请上传计票员的文件（BLT 格式，即 STV 计票软件输出的格式，或 JSON 选票格式；可为 gzip 压缩或未压缩），以及已投票国家的登记册，国家数与选票数相同。选票放入投票箱后与国家没有关联；日志只记录哪些国家投了票以及该文件的 SHA-256。
paper-file = 计票员的文件
paper-states = 已投票的国家（ISO 代码，依据登记册）
paper-record = 记录纸质选票
paper-file-unreadable = 无法读取上传的文件；请重试。
paper-file-invalid = 计票员的文件无法使用：{ $detail }
paper-register-invalid = 无法读取登记册：{ $detail }
ev-paper_ballots_recorded = { $ballots } 张纸质选票已放入选举 { $election } 的投票箱（{ $source }）
election-voted = 已投票者
not-found-election = 不存在选举 { $id }。
refused-election-unknown = 不存在选举 { $election }。
refused-election-invalid = { $detail }
ev-election_opened = 选举 { $election } 开始：{ $title }
ev-ballot_cast = { $state } 在选举 { $election } 中投票
ev-election_counted = 选举 { $election } 已计票
election-margins = 两两差额：将行中候选人排在列中候选人之前的投票人，比反之的投票人多出多少

## 类型化拒绝信息：本功能模块自己的措辞。
refused-election-unknown-method = 方法“{ $method }”不在 { $known } 之列。
refused-election-candidates = 请至少提名两名候选人，每人一次。
refused-election-seats = 席位：{ $candidates } 名候选人时为 1 至 { $max } 个。
refused-election-already-voted = { $state } 已在本次选举中投票；无记名选票不能更改。
refused-election-counted = 本次选举已计票。
refused-election-box-mismatch = 投票箱中有 { $ballots } 张选票，但有 { $voted } 个国家投票。
refused-election-no-ballot = 未投出任何有效选票。
refused-election-through-the-ballot-box = 选票须通过投票箱投出和计票。
refused-election-count = 无法对选票计票：{ $detail }
refused-election-no-register = 请列出登记册显示已投票的国家。
refused-election-register-voted = 登记册中的第 { $index } 个国家 { $state } 已在本次选举中投票。
refused-election-zero-count = 文件中的第 { $index } 张选票：计数至少为 1。
refused-election-file-mismatch = 文件中有 { $ballots } 张选票，但登记册列出 { $states } 个国家。
refused-election-empty-ranking = { $ballot ->
    [none] 请至少对一名候选人排序。
   *[other] 文件中的第 { $ballot } 张选票：请至少对一名候选人排序。
}
refused-election-not-a-candidate = { $ballot ->
    [none] 第 { $pos } 选择：“{ $name }”不是候选人。
   *[other] 文件中的第 { $ballot } 张选票，第 { $pos } 选择：“{ $name }”不是候选人。
}
refused-election-ranked-twice = { $ballot ->
    [none] 第 { $pos } 选择：“{ $name }”被排序了两次。
   *[other] 文件中的第 { $ballot } 张选票，第 { $pos } 选择：“{ $name }”被排序了两次。
}
