nav-consultations = المشاورات
consultations-title = المشاورات
consultations-intro = تطرح هيئةٌ سؤالًا خلال فترة محددة، في صورة أسئلة منظَّمة، على المستجيبين الذين تختارهم: المنظمات المعتمدة والدول الأعضاء، وأي شخص حيث تسمح بذلك. تُنشر المساهمات فور ورودها، ما لم يطلب المستجيب السرية؛ وبعد الإقفال تعتمد الهيئة تقريرًا تجميعيًا وفق قاعدتها الخاصة، وتُربط المشاورة بالقرارات التي استرشدت بها.
consultations-none = لم تُفتح أي مشاورة بعد.
consultations-list-caption = المشاورات، الأحدث أولًا
consultations-col-consultation = المشاورة
consultations-col-organ = الهيئة
consultations-col-status = الحالة
consultations-col-period = الفترة
consultations-col-submissions = المساهمات
consultations-col-entry = القيد في السجل
consultations-status-upcoming = قادمة
consultations-status-open = مفتوحة
consultations-status-ended = منتهية، ولم يُسجَّل إقفالها بعد
consultations-status-closed = مُقفلة، بانتظار التقرير التجميعي
consultations-status-concluded = مكتملة
consultations-days-left = { $count ->
    [zero] لم يتبقَّ أي يوم
    [one] يتبقى يوم واحد
    [two] يتبقى يومان
    [few] تتبقى { $count } أيام
    [many] يتبقى { $count } يومًا
   *[other] يتبقى { $count } يوم
}
consultations-unknown = لا توجد مشاورة رقمها { $consultation }.
consultations-respond = الرد
consultations-question = السؤال
consultations-audience = من يحق له الرد
consultations-audience-organisation = المنظمات المعتمدة
consultations-audience-state = الدول الأعضاء
consultations-audience-person = أي شخص
consultations-kind-organisation = منظمة معتمدة
consultations-kind-state = دولة عضو
consultations-kind-person = شخص
consultations-synthesis = التقرير التجميعي
consultations-synthesis-adopted = اعتمدته الهيئة { $organ } في { $day }:
consultations-motion = المقترح { $motion }
consultations-entry = القيد { $entry } في السجل
consultations-decisions = القرارات التي استرشدت بها
consultations-figures = من ردّ، وبماذا
consultations-count = { $count ->
    [zero] لا مساهمات
    [one] مساهمة واحدة
    [two] مساهمتان
    [few] { $count } مساهمات
    [many] { $count } مساهمة
   *[other] { $count } مساهمة
}، منها { $confidential } سرية (تُحتسب هنا، وإجاباتها مستبعدة من الأرقام).
consultations-by-country = المساهمات حسب البلد
consultations-chart-title = السؤال { $number }: عدد الإجابات { $count }
consultations-chart-desc = شريط لكل خيار، بعدد إجاباته ونسبته من الإجابات المنشورة البالغ عددها { $count }.
consultations-text-answers = { $count ->
    [zero] لا توجد إجابات مكتوبة.
    [one] إجابة مكتوبة واحدة، ترد أدناه.
    [two] إجابتان مكتوبتان، تردان أدناه.
    [few] { $count } إجابات مكتوبة، ترد أدناه.
    [many] { $count } إجابة مكتوبة، ترد أدناه.
   *[other] { $count } إجابة مكتوبة، ترد أدناه.
}
consultations-scale-1 = أعارض بشدة
consultations-scale-2 = أعارض
consultations-scale-3 = لا أوافق ولا أعارض
consultations-scale-4 = أوافق
consultations-scale-5 = أوافق بشدة
consultations-submissions = المساهمات
consultations-no-submissions = لم تُنشر أي مساهمة بعد.
consultations-anonymous = شخص (حُجب الاسم)
consultations-confidential = المساهمات السرية
consultations-confidential-note = سرية: تُحفظ الإجابات للأمانة؛ ويسجّل السجل بصمة SHA-256 للمحتوى:
consultations-confidential-secretariat = لا يطّلع على المساهمات السرية إلا الأمانة.
consultations-confidential-intro = ما طلب المستجيبون إبقاءه سريًا، مقروءًا مما يُحفظ بجانب السجل؛ وتُطابَق كل مساهمة مع بصمة SHA-256 التي سجّلها السجل.
consultations-hash-matches = يطابق محتواها بصمة SHA-256 الواردة في السجل.
consultations-hash-differs = لا يطابق محتواها بصمة SHA-256 الواردة في السجل.
consultations-back-list = جميع المشاورات
consultations-back = العودة إلى المشاورة
consultations-not-open = لا تقبل هذه المشاورة مساهمات: { $status }.
consultations-no-way = لا يمكنك الرد على هذه المشاورة: فهي مفتوحة للدول والمنظمات المعتمدة، عبر حساباتها. سجّل الدخول للرد باسم دولتك أو منظمتك.
consultations-who = من يردّ
consultations-as-state = باسم { $state }
consultations-as-organisation = باسم { $name }
consultations-as-person = باسمي الشخصي، أو باسم منظمة غير معتمدة
consultations-field-name = اسمك
consultations-field-country = البلد الذي تقيم فيه
consultations-field-organisation = المنظمة التي تتحدث باسمها، إن وُجدت
consultations-person-note = يُنشر اسم الشخص وبلده ومنظمته مع الإجابات، ما لم يكن الرد سريًا.
consultations-field-confidential = الإبقاء على سرية إجاباتي (واسمي، إن كنت أردّ بصفتي شخصًا): لا يطّلع عليها إلا الأمانة.
consultations-send = إرسال
consultations-publication = تُنشر الإجابات مع اسم المستجيب في هذه الصفحة وفي السجل العام، فور ورودها. أما الإجابات السرية فلا يُسجَّل منها في السجل إلا فئة المستجيب وبلده وبصمة SHA-256 للمحتوى.
consultations-pick-way = اختر من يردّ.
consultations-pick-country = اختر البلد الذي تقيم فيه.
consultations-receipt-title = سُجّل ردّك
consultations-receipt-text = ردّك على «{ $title }» هو المساهمة { $submission }.
consultations-receipt-confidential = وتبقى إجاباته سرية.
consultations-receipt-hash = بصمة القيد
ev-consultation_opened = فتحت الهيئة { $organ } المشاورة { $consultation }: «{ $title }»، وعدد أسئلتها { $questions }، من { $opens } إلى { $closes }
ev-submission_received = «{ $title }»: المساهمة { $submission } مقدَّمة من { $kind } ({ $country })
ev-submission_received-confidential = «{ $title }»: المساهمة السرية { $submission } مقدَّمة من { $kind } ({ $country })
ev-consultation_closed = أُقفلت المشاورة «{ $title }» في { $day } بعدد { $count } من المساهمات
ev-synthesis_adopted = اعتُمد التقرير التجميعي للمشاورة «{ $title }» بموجب المقترح { $motion }
ev-decision_linked = استرشد القرار بشأن المقترح { $motion } بالمشاورة «{ $title }»
refused-consultations-unknown-organ = لا توجد هيئة باسم { $organ }.
refused-consultations-unknown = لا توجد مشاورة رقمها { $consultation }.
refused-consultations-bad-period = يجب أن تُقفل المشاورة في يوم فتحها ({ $opens }) أو بعده.
refused-consultations-questions = تطرح المشاورة سؤالًا واحدًا على الأقل، و50 سؤالًا على الأكثر.
refused-consultations-bad-question = السؤال { $number }: { $problem }.
refused-consultations-no-audience = تكون المشاورة مفتوحة لفئة واحدة على الأقل من المستجيبين.
refused-consultations-not-open = تقبل المشاورة { $consultation } المساهمات من { $opens } إلى { $closes }.
refused-consultations-not-in-audience = لا تقبل المشاورة { $consultation } مساهمات من فئة «{ $kind }».
refused-consultations-not-accredited = لا توجد منظمة معتمدة رقمها { $accreditation }.
refused-consultations-not-a-member = { $state } ليست عضوًا في التحالف.
refused-consultations-unknown-country = { $state } ليس بلدًا مدرجًا في سجل الدول.
refused-consultations-already-responded = سبق لهذا المستجيب أن ردّ على المشاورة { $consultation }.
refused-consultations-no-question = لا يوجد في المشاورة { $consultation } سؤال رقمه { $number }.
refused-consultations-bad-answer = يجب أن تكون الإجابة عن السؤال { $number }: { $expected }.
refused-consultations-no-answer = تجيب المساهمة عن سؤال واحد على الأقل.
refused-consultations-not-ended = تُقفل المشاورة { $consultation } في { $closes }: لا يمكن تسجيل إقفالها قبل ذلك.
refused-consultations-closed = المشاورة { $consultation } مُقفلة بالفعل.
refused-consultations-not-closed = لم تُقفل المشاورة { $consultation } بعد.
refused-consultations-has-synthesis = للمشاورة { $consultation } تقريرها التجميعي بالفعل.
refused-consultations-unknown-motion = لا يوجد مقترح رقمه { $motion }.
refused-consultations-not-adopted = المقترح { $motion } ليس مقترحًا معتمدًا للهيئة { $organ }.
refused-consultations-linked = المشاورة { $consultation } مرتبطة بالفعل بالمقترح { $motion }.
refused-consultations-tabled-too-early = قُدِّم المقترح { $motion } قبل إغلاق المشاورة ({ $closes })، فلا يجوز أن يُعتمد به تقريرها التجميعي.
motion-consultations = المشاورات التي استند إليها
consultations-open-title = فتح مشاورة
consultations-open-file = المشاورة في ملف TOML: ‏organ وtitle وquestion وopens وcloses (بصيغة YYYY-MM-DD) وaudience (‏organisations أو states أو public)، ثم [[questions]] مع text وkind (‏text أو choice أو scale) وخيارات السؤال متعدد الخيارات في options
consultations-open = فتح
consultations-officer = إجراءات الأمانة
consultations-close = تسجيل الإغلاق
consultations-synthesis-motion = المقترح المعتمد من الهيئة الذي يشكّل نصه التقرير التجميعي
consultations-adopt = تسجيل التقرير التجميعي
consultations-pick-motion = اذكر رقم المقترح.
consultations-link-title = ربط قرار استند إليها
consultations-link-motion = رقم المقترح
consultations-link-note = كيف استند القرار إلى المشاورة
consultations-link = ربط
