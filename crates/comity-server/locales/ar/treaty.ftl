# Comity (ar): treaties

refused-treaty-unknown = لا توجد معاهدة «{ $treaty }».
refused-treaty-exists = المعاهدة «{ $treaty }» مسجلة من قبل.
refused-treaty-invalid = ملف المعاهدة أو نصها غير صالح: { $detail }
refused-treaty-stage = المعاهدة «{ $treaty }» في مرحلة: { $stage }؛ لا يمكن القيام بهذا الإجراء الآن.
refused-treaty-edit = { $detail }
refused-treaty-open-brackets = ما زال في نص «{ $treaty }» { $count } من الأقواس المفتوحة: يجب حسمها قبل الاعتماد.
refused-treaty-adoption-motion = لا يمكن للمقترح { $motion } اعتماد المعاهدة: { $detail }
refused-treaty-deposit-before-opening = أودعت { $state } في { $date }، قبل فتح باب التوقيع على المعاهدة في { $opened }.
refused-treaty-already-deposited = أودعت { $state } صكها من قبل (في { $date })؛ تودع الدولة صكها مرة واحدة.
refused-treaty-act = { $detail }
treaty-stage-drafting = قيد الصياغة
treaty-stage-adopted = معتمدة
treaty-stage-open-for-signature = مفتوحة للتوقيع
treaty-stage-in-force = نافذة
treaty-stage-entry-into-force-fixed = استوفي البند وتحدد موعد النفاذ
nav-treaties = المعاهدات
not-found-treaty = لا توجد معاهدة { $id }.
not-found-treaty-round = ليس للمعاهدة { $id } جولة { $round }.
treaties-title = المعاهدات
treaties-intro = المعاهدات التي يجري التفاوض عليها في إطار التحالف، من نص تفاوضي بين أقواس معقوفة إلى بدء النفاذ. كل إجراء قيدٌ في السجل.
treaties-none = لا تجري صياغة أي معاهدة بعد.
treaties-caption = { $count ->
    [one] معاهدة واحدة
   *[other] عدد المعاهدات: { $count }
}
treaty-json = بصيغة JSON
treaty-title-col = المعاهدة
treaty-stage = المرحلة
treaty-organ = هيئة الصياغة
treaty-round = الجولة
treaty-open-brackets = الأقواس المفتوحة
treaty-eif = بدء النفاذ
treaty-short-title = العنوان المختصر
treaty-depositary = الوديع
treaty-eif-not-yet-short = لم يبدأ بعد
treaty-open-title = فتح صياغة معاهدة
treaty-open-explain = يحدد ملف المعاهدة (TOML) بياناتها وشرط بدء نفاذها؛ والنص هو مشروع الجولة الأولى، وتوضع الصياغات غير المتفق عليها بين أقواس معقوفة وتُفصل البدائل بشرطة مائلة: [كوبنهاغن / بروكسل].
treaty-open-file = ملف المعاهدة (TOML)
treaty-open-text = مشروع النص
treaty-open-submit = فتح الصياغة
treaty-redline-link = ما تغيّر منذ الجولة السابقة
treaty-akn-link = هذه الجولة بصيغة أكوما نتوسو (XML)
treaty-status-csv = جدول الحالة بصيغة CSV
treaty-text-round = النص بصيغته الحالية (الجولة { $round })
treaty-text-legend = الصياغة غير المتفق عليها بين أقواس معقوفة، وبدائلها مرقّمة ومفصولة بشرطة مائلة. يحمل كل قوس عنوانه (الفقرة ثم موضع القوس؛ ويضيف القوس المتداخل ‎/البديل:الموضع‎)، وهو ما تستخدمه النماذج وواجهة البرمجة.
treaty-part-title = العنوان
treaty-part-preamble = الديباجة
treaty-part-open = { $count ->
    [one] قوس مفتوح واحد
   *[other] الأقواس المفتوحة: { $count }
}
treaty-counts-caption = الأقواس المفتوحة في كل جزء من النص، الجولة { $round }
treaty-part = الجزء
treaty-total = المجموع
treaty-history = تاريخ التفاوض
treaty-rounds-chart-title = الأقواس المفتوحة في كل جولة تفاوض
treaty-rounds-chart-desc = على مدى { $rounds } جولات انخفض عدد الأقواس المفتوحة من { $first } في المشروع الأول إلى { $last } في نهاية آخر جولة. لكل جولة عمودان: الأقواس المفتوحة عند افتتاحها (إطار) وعند نهايتها (مصمت).
treaty-round-n = الجولة { $n }
treaty-rounds-at-start = المفتوحة عند افتتاح الجولة
treaty-rounds-at-end = المفتوحة عند نهايتها (الآن، للجولة الجارية)
treaty-rounds-caption = الجولات بالأرقام
treaty-round-opened = افتُتحت في
treaty-proposals-count = الصياغات المقترحة
treaty-settlements-count = الأقواس المحسومة
treaty-documents = الوثائق
treaty-redline-from-previous = التعديلات في الجولة { $round }
treaty-akn-round = الجولة { $round } بصيغة أكوما نتوسو
treaty-proposals = الصياغات المقترحة
treaty-proposals-none = لم تُقترح أي صياغة.
treaty-proposals-caption = { $count ->
    [one] صياغة مقترحة واحدة
   *[other] الصياغات المقترحة: { $count }
}
treaty-bracket = القوس
treaty-wording = الصياغة
treaty-proposed-by = اقترحها
treaty-entry = القيد
treaty-settlements = الأقواس المحسومة
treaty-settlements-none = لم يُحسم أي قوس.
treaty-settlements-caption = { $count ->
    [one] قوس محسوم واحد
   *[other] الأقواس المحسومة: { $count }
}
treaty-was = الصياغة التي كانت فيه
treaty-choice = حُسم على النحو
treaty-settled-by = الطريقة
treaty-by-motion = بالاقتراح { $motion }
treaty-by-agreement = بالاتفاق
treaty-choice-alternative = اعتُمد البديل { $n }: «{ $wording }»
treaty-choice-text = استُبدل بنص متفق عليه: «{ $wording }»
treaty-choice-delete = حُذف
treaty-adoption = الاعتماد والتوقيع
treaty-adopted-by = اعتُمد بموجب
treaty-adopted-on = تاريخ الاعتماد
treaty-adopted-round = نص الجولة
treaty-text-hash = بصمة SHA-256 للنص المعتمد
treaty-not-adopted = لم يُعتمد النص بعد.
treaty-signature = التوقيع
treaty-opened-for-signature = فُتح باب التوقيع في { $date } في { $place }.
treaty-not-open-for-signature = لم يُفتح باب التوقيع بعد.
treaty-status = حالة التوقيعات والصكوك
treaty-status-none = لم توقّع أي دولة ولم تودع أي صك بعد.
treaty-status-caption = { $count ->
    [one] وقّعت دولة واحدة أو أودعت.
   *[other] عدد الدول التي وقّعت أو أودعت: { $count }.
}
treaty-signed = التوقيع
treaty-deposited = إيداع الصك
treaty-instrument = الصك
treaty-reservations = التحفظات
treaty-declarations = الإعلانات
treaty-objections = الاعتراضات على تحفظاتها
treaty-in-force-for = نافذة إزاءها منذ
treaty-withdrawal = الانسحاب
treaty-objection-line = { $state } على التحفظ { $n }
treaty-withdrawal-line = أُخطر به في { $notified }، ويسري في { $effective }
treaty-instrument-ratification = التصديق
treaty-instrument-acceptance = القبول
treaty-instrument-approval = الموافقة
treaty-instrument-accession = الانضمام
treaty-deposits-title = الصكوك المودعة عبر الزمن
treaty-deposits-caption = الصكوك المحتسبة لبدء النفاذ، حسب اليوم
treaty-deposits-chart-desc = الصكوك المحتسبة لبدء النفاذ، متراكمة يومًا بيوم منذ { $start }: { $count } حتى { $last }.
treaty-deposits-chart-threshold = يشير الخط المتقطع إلى عدد الصكوك الذي يشترطه البند: { $n }.
treaty-deposits-chart-eif = يشير الخط المنقّط إلى بدء النفاذ في { $date }.
treaty-deposits-threshold = الصكوك المطلوبة: { $n }
treaty-deposits-eif = النفاذ في { $date }
treaty-deposits-none = لم يُودع أي صك بعد.
treaty-day = اليوم
treaty-instruments-so-far = الصكوك حتى ذلك اليوم
treaty-threshold = العدد الذي يشترطه البند
treaty-clause = البند
treaty-clause-text = نصه
treaty-counts = الصكوك المحتسبة
treaty-conditions = الشروط، ويجب استيفاؤها جميعًا
treaty-met = مستوفى
treaty-not-met = غير مستوفى بعد
treaty-date-rule = التاريخ، ابتداءً من يوم استيفاء الشروط
treaty-not-before = ليس قبل
treaty-later = للدولة التي تودع لاحقًا
treaty-cond-instruments = { $n } صكًا على الأقل من صكوك { $kinds }
treaty-cond-quantity = دول تمثل { $share } على الأقل من { $quantity }
treaty-progress-instruments = أُودع { $reached } من { $n }
treaty-progress-quantity = بلغت { $reached }
treaty-step-days = { $n ->
    [one] بعد يوم واحد
   *[other] بعد { $n } يومًا
}
treaty-step-months = { $n ->
    [one] بعد شهر واحد
   *[other] بعد { $n } شهرًا
}
treaty-step-years = { $n ->
    [one] بعد سنة واحدة
   *[other] بعد { $n } سنة
}
treaty-step-first-of-month = اليوم الأول من ذلك الشهر
treaty-step-first-of-next-month = اليوم الأول من الشهر التالي
treaty-step-same-day = اليوم نفسه
treaty-step-then = ثم { $step }
treaty-not-before-applies = ليس قبل اليوم الذي يحدده البند
treaty-eif-computed = تدخل المعاهدة حيز النفاذ في { $date }، وفق ما يعطيه البند للإيداعات المسجلة.
treaty-eif-met = استوفيت الشروط في { $date }، بعدد { $count } من الصكوك.
treaty-eif-parties = { $count ->
    [one] نافذة إزاء دولة واحدة، من اليوم المبين في جدول الحالة.
   *[other] نافذة إزاء { $count } من الدول، لكل منها من اليوم المبين في جدول الحالة.
}
treaty-eif-not-yet = لم تدخل حيز النفاذ بعد: احتُسب { $count } من الصكوك حتى الآن.
treaty-withdrawal-clause = الانسحاب
treaty-withdrawal-effective = يسري الانسحاب { $rule }، ابتداءً من الإخطار به.
treaty-acts = تسجيل إجراء
treaty-form-open-round = افتتاح الجولة { $round }
treaty-form-round-text = النص الموحّد (اتركه فارغًا لمتابعة النص بصيغته الحالية)
treaty-form-open-round-submit = افتتاح الجولة
treaty-form-propose = اقتراح صياغة لقوس
treaty-on-behalf-of = باسم
treaty-form-propose-submit = اقتراح الصياغة
treaty-form-settle = حسم قوس
treaty-form-keep-alternative = اعتماد البديل رقم
treaty-form-alternative-number = رقم البديل المعتمد
treaty-form-agreed-text = استبداله بنص متفق عليه
treaty-form-delete = حذف الصياغة الواردة بين القوسين
treaty-form-by-motion = بالاقتراح المعتمد رقم
treaty-form-motion-number = رقم الاقتراح
treaty-form-settle-submit = تسجيل الحسم
treaty-form-adopt = تسجيل الاعتماد
treaty-form-adopt-explain = أدخل رقم الاقتراح المعتمد من نوع treaty_adoption، المقدَّم بعد آخر تعديل للنص، دون أي قوس مفتوح.
treaty-form-adopt-submit = تسجيل الاعتماد
treaty-form-open-signature = فتح باب التوقيع
treaty-form-date-label = التاريخ (YYYY-MM-DD)
treaty-form-place = المكان
treaty-form-open-signature-submit = فتح باب التوقيع
treaty-form-sign = تسجيل توقيع
treaty-form-sign-submit = تسجيل التوقيع
treaty-form-deposit = تسجيل إيداع صك
treaty-form-share-label = حصة الدولة من { $quantity } (مثلًا 12.5%)
treaty-form-reservations = التحفظات، واحد في كل سطر
treaty-form-declarations = الإعلانات، واحد في كل سطر
treaty-form-deposit-submit = تسجيل الإيداع
treaty-form-object = تسجيل اعتراض على تحفظ
treaty-form-objecting-state = الدولة المعترضة
treaty-form-reserving-state = الدولة صاحبة التحفظ
treaty-form-reservation-number = رقم التحفظ
treaty-form-objection-text = نص الاعتراض
treaty-form-object-submit = تسجيل الاعتراض
treaty-form-withdraw = تسجيل إخطار بالانسحاب
treaty-form-notified-on = تاريخ الإخطار (YYYY-MM-DD)
treaty-form-withdraw-submit = تسجيل الانسحاب
treaty-form-date = أدخل التاريخ بالصيغة YYYY-MM-DD، مثل 2026-11-29.
treaty-form-state = اختر دولة.
treaty-form-number = أدخل عددًا صحيحًا ابتداءً من 1.
treaty-form-bracket = اختر قوسًا من النص الحالي.
treaty-form-choice = اختر طريقة حسم القوس.
treaty-form-instrument = اختر التصديق أو القبول أو الموافقة أو الانضمام.
treaty-form-share = الحصة غير صالحة: { $detail }
treaty-redline-title = المقارنة: من { $from } إلى { $to }
treaty-first-draft = المشروع الأول
treaty-version-round = الجولة { $n }
treaty-version-first-draft = المشروع الأول
treaty-redline-from = من
treaty-redline-to = إلى
treaty-redline-compare = قارن
treaty-redline-unchanged = النصان متطابقان.
treaty-redline-summary = الكلمات المضافة: { $inserted }، الكلمات المحذوفة: { $deleted }.
treaty-redline-legend = الكلمات المضافة مسطّرة، والكلمات المحذوفة مشطوبة.
treaty-redline-download-html = التنزيل كمستند HTML
treaty-redline-download-text = التنزيل كنص
ev-treaty_opened = فُتحت صياغة { $title } في { $organ }
ev-treaty_round_opened = { $treaty }: افتُتحت جولة التفاوض { $round }
ev-treaty_wording_proposed = { $treaty }: اقترحت { $by } صياغة للقوس { $bracket }
ev-treaty_bracket_resolved = { $treaty }: حُسم القوس { $bracket } { $motion ->
    [none] بالاتفاق
   *[other] بالاقتراح { $motion }
}
ev-treaty_adopted = اعتُمدت { $treaty } بالاقتراح { $motion }
ev-treaty_opened_for_signature = فُتح باب التوقيع على { $treaty } في { $place } في { $date }
ev-treaty_signed = وقّعت { $state } على { $treaty }
ev-instrument_deposited = أودعت { $state } صك { $instrument } ({ $treaty })
ev-reservation_objected = اعترضت { $state } على التحفظ { $n } لـ{ $reserving } ({ $treaty })
ev-treaty_entered_into_force = تدخل { $treaty } حيز النفاذ في { $date }
ev-treaty_withdrawal = أخطرت { $state } بانسحابها من { $treaty }، ويسري في { $date }

## Typed refusals: this capability's own words.
refused-treaty-invalid-file = ملف المعاهدة غير صالح: { $detail }
refused-treaty-invalid-text = نص المعاهدة غير صالح في السطر { $line }، العمود { $column }: { $problem }{ $more ->
    [0] {""}
   *[other] {" "}({ $more } مشكلات أخرى)
}
refused-treaty-edit-unknown-paragraph = لا توجد فقرة «{ $paragraph }» في هذا النص.
refused-treaty-edit-unknown-bracket = لا يوجد قوس { $bracket }.
refused-treaty-edit-unknown-alternative = للقوس { $bracket } { $count } بدائل؛ ولا يوجد البديل { $alternative }.
refused-treaty-edit-empty-wording = الصياغة فارغة.
refused-treaty-edit-invalid-wording = الصياغة غير صالحة في السطر { $line }، العمود { $column }: { $problem }
refused-treaty-edit-duplicate-alternative = يقدّم القوس { $bracket } هذه الصياغة بالفعل بديلًا رقم { $alternative }.
refused-treaty-edit-would-empty = حذف القوس { $bracket } سيترك { $what } بلا نص.
refused-treaty-edit-too-deep = بهذه الصياغة عند القوس { $bracket } ستتداخل الأقواس في أكثر من { $max } مستويات.
refused-treaty-date-in-future = التاريخ { $date } بعد اليوم ({ $today }): سجّل الإجراء بعد وقوعه.
refused-treaty-not-the-organs-decision = المقترح { $motion } ليس قرارًا معتمدًا من { $organ }، الجهاز الذي يصوغ { $treaty }.
refused-treaty-signature-before-adoption = لا يمكن فتح { $treaty } للتوقيع في { $date }، قبل اعتمادها في { $adopted }.
refused-treaty-signed-before-opening = لا يمكن لـ{ $state } التوقيع في { $date }: فُتحت { $treaty } للتوقيع في { $opened }.
refused-treaty-already-signed = وقّعت { $state } على { $treaty } بالفعل، في { $date }.
refused-treaty-no-instrument = لم تودع { $reserving } أي صك لـ{ $treaty }، فلا تحفّظ لها يُعترض عليه.
refused-treaty-no-such-reservation = يتضمن صك { $reserving } { $count } تحفظًا؛ ولا يوجد التحفظ { $reservation }.
refused-treaty-own-reservation = لا يمكن لـ{ $state } الاعتراض على تحفظها.
refused-treaty-objection-before-reservation = الاعتراض ({ $date }) يسبق إبداء التحفظ ({ $made }).
refused-treaty-not-a-party = { $treaty } غير نافذة بالنسبة إلى { $state }: لا ينسحب إلا طرف.
refused-treaty-already-withdrawn = أخطرت { $state } بانسحابها بالفعل، في { $date }.
refused-treaty-withdrawal-too-early = يمكن لـ{ $state } الإخطار بالانسحاب اعتبارًا من { $from } ({ $clause })، لا في { $date }.
refused-treaty-past-the-calendar = تاريخ الانسحاب يتجاوز نهاية التقويم.
refused-treaty-out-of-order = تُسجَّل الصكوك بترتيب تواريخها: آخر صك مسجَّل بتاريخ { $latest }، فلا يمكن تسجيل { $date } الآن.
refused-treaty-not-signed = لم توقّع { $state } على { $treaty }: الدولة التي لم توقّع تقبل بالانضمام، لا بـ{ $instrument }.
refused-treaty-share-missing = يزن شرط { $treaty } { $quantity }: أعطِ حصة { $state }.
refused-treaty-adoption-wrong-kind = لا يمكن للمقترح { $motion } اعتماد المعاهدة: إنه قرار من نوع «{ $kind }»، لا «{ $expected }».
refused-treaty-adoption-not-adopted = لا يمكن للمقترح { $motion } اعتماد المعاهدة: حالته { $status }، وليس معتمدًا.
refused-treaty-adoption-before-last-change = لا يمكن للمقترح { $motion } اعتماد المعاهدة: قُدِّم (القيد { $tabled }) قبل آخر تغيير للنص (القيد { $last_change })؛ ويجب أن يكون التصويت على النص النهائي.
refused-treaty-adoption-adopted-another = لا يمكن للمقترح { $motion } اعتماد المعاهدة: لقد اعتمد { $treaty } بالفعل.
treaty-text-unclosed-bracket = هذا «[» لا يُغلق أبدًا
treaty-text-stray-closing-bracket = هذا «]» لا يغلق أي قوس
treaty-text-empty-bracket = قوس فارغ
treaty-text-brackets-too-deep = أقواس متداخلة بعمق مفرط (عشرة مستويات على الأكثر)
treaty-text-empty-alternative = أحد بدائل هذا القوس فارغ
treaty-text-missing-title = يبدأ النص بعنوانه: «# العنوان»
treaty-text-empty-title = العنوان فارغ
treaty-text-duplicate-title = عنوان ثانٍ؛ للنص سطر «# » واحد
treaty-text-title-not-first = يجب أن يسبق العنوان الديباجة والمواد
treaty-text-outside-section = نص خارج الديباجة والمواد: ابدأ قسمًا بـ«## Preamble» أو «## Article N»
treaty-text-unknown-heading = عنوان غير معروف: المتوقع «## Preamble» أو «## Article N»
treaty-text-preamble-not-first = يجب أن تسبق الديباجة المواد
treaty-text-duplicate-preamble = ديباجة ثانية
treaty-text-bad-article-number = ليس رقم مادة (1، 2، 3، …)
treaty-text-bad-heading-separator = المتوقع شرطة أو نقطتان بين رقم المادة وعنوانها
treaty-text-bracket-in-heading = لا يمكن أن يحوي العنوان أقواسًا: ضع الصياغة المختلف عليها في فقرة
treaty-text-duplicate-article = رقم المادة هذا يرد مرتين
treaty-text-bad-id = معرّف غير صالح: استخدم أحرفًا صغيرة وأرقامًا وشرطات سفلية مفردة
treaty-text-duplicate-id = هذا المعرّف مستخدم بالفعل
treaty-text-empty-section = هذا القسم بلا فقرات
treaty-text-empty-paragraph = هذه الفقرة بلا نص
treaty-text-numbering-skips = ترقيم الفقرات يتخطى رقمًا
treaty-text-mixed-numbering = فقرة غير مرقّمة بين فقرات مرقّمة
treaty-text-numbered-preamble = فقرات الديباجة لا تُرقّم
treaty-text-no-article = النص بلا مواد
