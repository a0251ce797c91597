# Comity — العربية (من اليمين إلى اليسار)
skip-to-content = انتقل إلى المحتوى
nav-label = التنقل الرئيسي
nav-home = الرئيسية
nav-members = الأعضاء
nav-charter = الميثاق
nav-organs = الهيئات
nav-journal = السجل
nav-api = واجهة البرمجة
lang-label = اللغة
footer-journal = السجل: { $count } قيدًا، آخر بصمة
footer-verify = كيف تتحقق
yes = نعم
no = لا

home-title = نظرة عامة
home-members = دولة عضوًا من أصل { $states } دولة في السجل
home-population = من سكان دول السجل يعيشون في دولة عضو
home-organs = هيئة بموجب الميثاق
home-flagged = عضوًا محالًا إلى المراجعة
home-founding-text = النص التأسيسي
home-latest-acts = أحدث الأعمال
home-all-acts = السجل كاملًا
home-head = آخر بصمة في السجل
home-head-explain = كل عمل مرتبط بالعمل الذي قبله. يستطيع كل من يملك نسخة من السجل أن يتحقق من أنها تنتهي بهذه البصمة.

members-title = الأعضاء والأهلية
members-shown = { $count ->
    [zero] لا توجد دول معروضة
    [one] دولة واحدة معروضة
    [two] دولتان معروضتان
    [few] { $count } دول معروضة
    [many] { $count } دولة معروضة
   *[other] { $count } دولة معروضة
}
members-caption = الدول الأعضاء في الأمم المتحدة وعددها 193، وتايوان وكوسوفو. اختر عنوان عمود للترتيب.
filter-search = الاسم أو الرمز
filter-status = الوضع
filter-eligible = مؤهلة
filter-group = المجموعة الإقليمية في الأمم المتحدة
filter-any = الكل
filter-apply = تطبيق
download-csv = تنزيل بصيغة CSV
download-json = JSON
status-member = عضو
status-not_member = غير عضو
col-state = الدولة
col-status = الوضع
col-fh = فريدم هاوس
col-vdem = نظام الحكم (V-Dem)
col-population = السكان
col-group = مجموعة الأمم المتحدة
col-eligible = مؤهلة
col-reason = السبب
col-edition = الإصدار
col-score = الدرجة
flagged-for-review = محالة إلى المراجعة
group-AFRICAN = مجموعة الدول الأفريقية
group-ASIA_PACIFIC = مجموعة دول آسيا والمحيط الهادئ
group-EASTERN_EUROPEAN = مجموعة دول أوروبا الشرقية
group-GRULAC = مجموعة دول أمريكا اللاتينية والكاريبي
group-WEOG = مجموعة دول أوروبا الغربية ودول أخرى
group-none = خارج مجموعات الأمم المتحدة
regime-closed_autocracy = استبداد مغلق
regime-electoral_autocracy = استبداد انتخابي
regime-electoral_democracy = ديمقراطية انتخابية
regime-liberal_democracy = ديمقراطية ليبرالية

member-region = المنطقة
member-history = التصنيفات عبر الزمن
member-fh-table = تصنيفات فريدم هاوس حسب الإصدار
member-acts = في السجل
member-no-acts = لا يوجد بعد أي عمل يخص هذه الدولة.
member-admitted = قُبلت بالقيد { $seq }
chart-title = تصنيفات { $state } عبر الزمن
chart-fh = الدرجة الإجمالية لفريدم هاوس (0–100)
chart-vdem = مؤشر الديمقراطية الانتخابية لـ V-Dem × 100
chart-fh-threshold = عتبة الميثاق: درجة فريدم هاوس { $score }
chart-vdem-threshold = عتبة الميثاق: مؤشر الديمقراطية الانتخابية { $index }
chart-description = درجات فريدم هاوس من إصدار { $first } إلى إصدار { $last }؛ ومؤشر الديمقراطية الانتخابية لـ V-Dem من { $vfirst } إلى { $vlast }.
chart-no-data = لا توجد تصنيفات لهذه الدولة.

charter-title = الميثاق
charter-adopted = اعتُمد بالقيد { $seq } في السجل.
charter-raw = نص TOML الخام
charter-source = المصدر
charter-membership = العضوية
charter-criterion = معيار الانضمام والبقاء
charter-founders = الأعضاء المؤسسون
charter-founders-eligible = كل دولة تستوفي المعيار وفق أحدث التصنيفات
charter-stages = مراحل التوسع
charter-stage-current = المرحلة الحالية
charter-criteria = المعايير المسماة
charter-decisions = من يقرر ماذا
decision-kind = نوع القرار
decision-organ = الهيئة
decision-rule = القاعدة
decision-procedure = الإجراء
organ-name = الهيئة
organ-kind = النوع
organ-seats = المقاعد
organ-meets = تجتمع
organ-chair = الرئاسة
organ-decides = تقرر
organ-reports-to = ترفع تقاريرها إلى
organ-mandate = الولاية
organ-holders = شاغلو المقاعد
organ-no-holders = تُشغل المقاعد بالانتخاب أو التعيين؛ ولم يُسجل أي منها بعد.
organ-holders-count = { $count ->
    [zero] لا يوجد شاغلو مقاعد
    [one] شاغل مقعد واحد
    [two] شاغلا مقعدين
    [few] { $count } شاغلي مقاعد
    [many] { $count } شاغلًا للمقاعد
   *[other] { $count } شاغل مقعد
}
organ-decides-nothing = لا يسند الميثاق أي قرار إلى هذه الهيئة.
organ-meetings = الاجتماعات والقرارات
organ-no-meetings = لم يُسجل أي اجتماع بعد.
rotation-from = من
rotation-to = إلى
rotation-holder = الرئاسة
rotation-current = حاليًا
kind-summit = قمة
kind-council = مجلس
kind-secretariat = أمانة
kind-parliamentary_network = شبكة برلمانية
kind-civil_society_network = شبكة المجتمع المدني
kind-citizens_assembly = جمعية مواطنين
kind-working_group = فريق عمل
kind-task_force = فرقة عمل
kind-caucus = تكتل
kind-commission = لجنة
seats-one_per_member = مقعد لكل دولة عضو
seats-open = مفتوحة للمشاركين المعتمدين
seats-fixed = { $count } مقعدًا
chair-rotation_alphabetical = بالتناوب بين الأعضاء بالترتيب الأبجدي، { $months } شهرًا لكل منهم
chair-rotation_regional = بالتناوب بين المجموعات الإقليمية للأمم المتحدة، { $months } شهرًا لكل منها
chair-election = بالانتخاب، لمدة { $months } شهرًا
chair-host = للدولة المضيفة للدورة، { $months } شهرًا
meets-yearly = سنويًا
meets-twice_yearly = مرتين في السنة
meets-quarterly = كل ثلاثة أشهر
meets-monthly = شهريًا
meets-permanent = بصفة دائمة
meets-as_needed = عند الحاجة
meets-every_two_years = كل سنتين
meets-unspecified = غير محدد
rule-consensus = توافق الآراء (يُعتمد ما لم يعترض عضو)
rule-unanimity-blocks = الإجماع (الامتناع يعطّل)
rule-unanimity = الإجماع (الامتناع لا يعطّل)
rule-simple = أغلبية بسيطة { $base }
rule-qualified = أغلبية موصوفة قدرها { $fraction } { $base }
rule-double = { $states } من الدول الأعضاء تمثل { $population } من سكانها
rule-double-blocking = { $states } من الدول الأعضاء تمثل { $population } من سكانها؛ وتتطلب أقلية التعطيل { $blocking } دول على الأقل
rule-weighted = تصويت مرجّح ({ $weights })، بنصاب { $quota } من مجموع الأوزان
base-votes_cast = من الأصوات المدلى بها
base-members_present = من الأعضاء الحاضرين
base-members = من جميع الأعضاء
weights-population = عدد السكان
weights-sqrt_population = الجذر التربيعي لعدد السكان
weights-equal = أوزان متساوية
proc-opinion = يلزم رأي: { $organs }
proc-tabled = يجوز أن تقدمه أيضًا: { $organs }
proc-quorum = النصاب { $quorum }
proc-casting = للرئاسة صوت مرجّح عند التعادل
proc-none = —

journal-title = السجل
journal-intro = جميع أعمال التحالف بالترتيب، وكل عمل مرتبط بما قبله ببصمته.
journal-download = تنزيل (JSON Lines)
journal-feed = موجز Atom لأحدث الأعمال
journal-seq = الرقم
journal-time = الوقت (UTC)
journal-actor = بواسطة
journal-kind = العمل
journal-hash = البصمة
journal-prev-hash = البصمة السابقة
journal-entries = { $count ->
    [zero] لا قيود
    [one] قيد واحد
    [two] قيدان
    [few] { $count } قيود
    [many] { $count } قيدًا
   *[other] { $count } قيد
}
pager-label = الصفحات
pager-newer = أعمال أحدث
pager-older = أعمال أقدم
entry-title = القيد { $seq } في السجل
entry-payload = المحتوى
entry-truncated = المحتوى طويل، وتعرض الصفحة بدايته. القيد كاملًا:
entry-previous = القيد السابق
entry-next = القيد التالي
ev-states_imported = سُجّل سجل { $count } دولة
ev-freedom_house_edition_imported = سُجّلت تصنيفات فريدم هاوس: إصدار { $edition }
ev-vdem_year_imported = سُجّلت تصنيفات V-Dem: { $year }
ev-charter_adopted = اعتُمد الميثاق: { $name }
ev-member_admitted = قُبلت { $state } عضوًا
ev-member_flagged_for_review = أُحيلت { $state } إلى المراجعة ({ $edition })
ev-unknown = عمل من نوع { $kind }

verify-title = التحقق من السجل
verify-intro = لا تحتاج إلى الوثوق بهذا الخادم. نزّل السجل وتحقق منه بنفسك: بصمة كل قيد تشمل البصمة السابقة ومحتوى القيد، فأي تعديل على قيد يكسر كل البصمات التي تليه.
verify-head = يضم السجل الآن { $count } قيدًا وينتهي بهذه البصمة:
verify-steps = الخطوات
verify-step-download = نزّل السجل:
verify-step-verify = تحقق من السلسلة:
verify-step-replay = أعد بناء التحالف من السجل وحده وقارن الأعضاء:
verify-step-python = أو تحقق منه ببضعة أسطر من بايثون، دون Comity:
verify-rule = القاعدة
verify-canonical = JSON القياسي: المفاتيح مرتبة على كل المستويات، بلا مسافات، بترميز UTF-8.

not-found-title = غير موجود
not-found-page = لا توجد صفحة بهذا العنوان.
not-found-member = لا توجد في السجل دولة رمزها { $iso3 }.
not-found-organ = لا ينص الميثاق على هيئة باسم { $id }.
not-found-entry = لا يوجد في السجل قيد رقمه { $seq }.

api-title = واجهة البرمجة
api-intro = كل ما تعرضه هذه الصفحات متاح بصيغة JSON تحت ‎/api/v1/‎. الأخطاء بصيغة RFC 9457. وصف OpenAPI 3.1:
api-method = الطريقة
api-path = المسار
api-summary = ما تعيده
api-parameters = المعاملات

## Accounts
nav-motions = المقترحات
login-link = تسجيل الدخول
logout = تسجيل الخروج
login-title = تسجيل الدخول
login-username = اسم المستخدم
login-password = كلمة المرور
login-submit = تسجيل الدخول
login-help = يعرض الإصدار التجريبي عند تشغيله حسابًا واحدًا لكل دور. ولا يتطلب الاطلاع على المحتوى أي حساب.
login-missing = أدخل اسم المستخدم وكلمة المرور.
login-failed = اسم المستخدم أو كلمة المرور غير صحيح.
form-csrf-failed = انتهت صلاحية هذه الاستمارة أو أنها لم تصدر عن هذا الموقع. أعد تحميل الصفحة وأرسلها مرة أخرى.
account-title = حسابك
account-name = الاسم
account-roles = الأدوار
account-no-roles = لا يوجد
account-may = ما تخوّلك أدوارك القيام به
account-tokens = رموز واجهة البرمجة
account-tokens-help = يمكن لأي برنامج أن يتصرف باسمك باستخدام رمز يوضع في الترويسة "Authorization: Bearer TOKEN". ولا يُعرض الرمز إلا مرة واحدة.
account-token-new = رمزك الجديد (انسخه الآن، فلن يُعرض مرة أخرى):
account-token-name = اسم الرمز
account-token-create = إنشاء رمز
role-secretariat = موظف في الأمانة
role-delegate = مندوب دولة
role-delegate-of = مندوب { $state }
role-parliamentarian = برلماني
role-civil-society = ممثل المجتمع المدني
role-citizen = مواطن
role-observer = مراقب
may-run-business = تسيير أعمال الهيئات: افتتاح المناقشات وعمليات التصويت، وإقفال التصويت، وتسجيل المقاعد والبيانات المرجعية
may-table = تقديم مقترحات من نوع { $decision } إلى { $organ }
may-vote = التصويت باسم { $state } في { $organ }
may-read-only = الاطلاع على كل شيء؛ ولا يسجل هذا الدور أي عمل
charter-missing = لم يُعتمد أي ميثاق بعد.

## Motions
motions-title = المقترحات
motions-none = لم يُقدَّم أي مقترح بعد.
motions-sign-in = سجّل الدخول لتقديم مقترح
motion-new = تقديم مقترح
motion-heading = المقترح { $id }
motion-title-label = العنوان
motion-text = النص
motion-original-text = النص بصيغته المقدَّمة
motion-organ = الهيئة
motion-sponsor = باسم
motion-cosponsors = المشاركون في التقديم
motion-status = الوضع
motion-tabled-at = تاريخ التقديم
motion-decision-label = نوع القرار (يحدد الميثاق الهيئة المختصة والقاعدة المطبقة)
motion-table = تقديم المقترح
motion-amendments = التعديلات
motion-no-amendments = لم يُقدَّم أي تعديل.
motion-voting-order = ترتيب التصويت: { $order }، ثم المقترح.
motion-votes = عمليات التصويت
motion-acts = الأعمال
motion-status-tabled = مقدَّم
motion-status-under-debate = قيد المناقشة
motion-status-voting = قيد التصويت
motion-status-adopted = معتمد
motion-status-rejected = مرفوض
motion-status-withdrawn = مسحوب
amendment-status-tabled = مقدَّم
amendment-status-adopted = معتمد
amendment-status-rejected = مرفوض
amendment-status-lapsed = سقط (اعتُمد تعديل منافس)
amendment-status-withdrawn = مسحوب
amendment-group = يتنافس على (جزء من النص)
amendment-text = نص المقترح بصيغته المعدَّلة
item-motion = المقترح
item-amendment = التعديل { $n }
ballot-open = التصويت جارٍ على: { $item }
ballot-progress = صوّتت { $voted } من أصل { $electorate } دولة شاغلة لمقعد
ballot-closes = موعد الإقفال
ballot-your-vote = صوتك
ballot-for-state = باسم
ballot-cast = الإدلاء بالصوت
ballot-roll = التصويت بنداء الأسماء
ballot-vote = الصوت
vote-yes = نعم
vote-no = لا
vote-abstain = امتناع
vote-absent = غائب
vote-objections = الاعتراضات:
outcome-adopted = اعتُمد
outcome-rejected = رُفض
outcome-no-quorum = لم يكتمل النصاب
tally-quorum = حضر { $achieved } من أصل { $base } عضوًا ({ $share } { $cmp } { $need })
tally-members = { $achieved } من أصل { $base } عضوًا ({ $share } { $cmp } { $need })
tally-population = يمثلون { $share } من السكان ({ $cmp } { $need })
tally-weight = { $achieved } من أصل { $base } صوتًا (النصاب المطلوب { $minimum })
tally-objections = عدد الاعتراضات: { $count }
tally-casting-vote = حُسم التعادل بالصوت المرجّح للرئاسة
tally-no-blocking-minority = عدد الدول المعارضة أقل من أن يشكّل أقلية تعطيل
act-debate = افتتاح المناقشة
act-open-vote = بدء التصويت التالي
act-closes-at = موعد الإقفال (بالتوقيت العالمي المنسق UTC، مثل 2026-12-01T17:00:00Z)
act-order = ترتيب التعديلات، في التصويت الأول فقط (مثل 2, 1, 3)؛ يُترك فارغًا لاتباع ترتيب التقديم
act-close-vote = إقفال التصويت
act-casting-vote = الصوت المرجّح للرئاسة عند التعادل
act-amend = تقديم تعديل
act-cosponsor = المشاركة في التقديم
act-withdraw = سحب المقترح
form-sign-in = سجّل الدخول أولًا.
form-failed = تعذّر تسجيل العمل، ولم يُغيَّر أي شيء. وترد التفاصيل في سجلات تشغيل الخادم.
form-choose-decision = اختر نوع القرار.
form-choose-sponsor = اختر الجهة التي تقدّمه باسمها.
form-number = أدخل رقم التعديل.
form-time = أدخل وقتًا بالصيغة 2026-12-01T17:00:00Z.
form-order = اذكر أرقام التعديلات مفصولة بفواصل.
form-choose-state = اختر الدولة التي تصوّت باسمها.
form-choose-vote = اختر نعم أو لا أو امتناع.
form-unknown-act = تطلب هذه الاستمارة عملًا لا تعرفه المنصة.
not-found-motion = لا يوجد مقترح رقمه { $id }.
motion-no-seat = لا تمنحك أدوارك مقعدًا تقدّم باسمه مقترحًا. يقدّم مندوبو الدول وأعضاء الشبكتين والأمانة المقترحات حيث يسمح الميثاق بذلك.
