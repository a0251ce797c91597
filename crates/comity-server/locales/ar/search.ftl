# البحث: الصفحة /search، وحقل البحث في ترويسة كل صفحة.

nav-search = بحث
nav-search-label = البحث في الموقع
search-title = البحث
search-title-for = البحث: { $query }
search-words = الكلمات
search-kind = النوع
search-kind-any = كل الأنواع
search-organ = الهيئة
search-organ-any = كل الهيئات
search-from = من
search-to = إلى
search-button = بحث
search-results = { $count ->
    [zero] لا نتائج
    [one] نتيجة واحدة
    [two] نتيجتان
    [few] { $count } نتائج
    [many] { $count } نتيجة
   *[other] { $count } نتيجة
}
search-none = لم يُعثر على شيء. جرّب كلمات أقل، أو بداية كلمة، أو مرشحات أقل.
search-as-of = وفق السجل حتى القيد { $seq }.
search-hint = ابحث في الأعضاء والهيئات والمقترحات والانتخابات والمعاهدات والتقارير والتعهدات والإدراج في قوائم العقوبات والمشاورات والمبادرات، وقيود السجل، بأي كلمة من نصوصها وبأي لغة. يجب أن توجد كل كلمة؛ والكلمة المؤلفة من ثلاثة أحرف أو أكثر تجد أيضًا الكلمات التي تبدأ بها («democra» تجد «democracy» و«démocratie»)، وتُقرأ الكلمة العربية مع «ال» وبدونها. ومن دون كلمات، تعرض المرشحات كل ما تسمح به، الأحدث أولًا.
search-bad-kind = «{ $value }» ليس نوعًا من الصفحات يمكن البحث فيه.
search-bad-day = { $field }: «{ $value }» ليس تاريخًا (YYYY-MM-DD).
search-api = البحث نفسه في واجهة JSON البرمجية: GET /api/v1/search
search-kind-member = عضو
search-kind-organ = هيئة
search-kind-motion = مقترح
search-kind-election = انتخاب
search-kind-treaty = معاهدة
search-kind-report = تقرير
search-kind-pledge = تعهّد
search-kind-listing = إدراج في قائمة العقوبات
search-kind-consultation = مشاورة
search-kind-initiative = مبادرة المواطنين
search-kind-entry = قيد في السجل
search-journal = في السجل
search-journal-none = لا يحتوي أي قيد في السجل على هذه الكلمات.
search-journal-entry = القيد { $seq }
search-journal-more = كل قيود السجل التي تحتوي على هذه الكلمات
search-journal-older = قيود أقدم
search-journal-filing = فُهرست كلمات السجل حتى القيد { $seq } من { $head }؛ والباقي يتبع.
