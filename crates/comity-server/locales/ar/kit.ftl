# Comity (ar): words shared by every capability's forms

form-csrf-failed = انتهت صلاحية هذه الاستمارة أو أنها لم تصدر عن هذا الموقع. أعد تحميل الصفحة وأرسلها مرة أخرى.
form-sign-in = سجّل الدخول أولًا.
form-failed = تعذّر تسجيل العمل، ولم يُغيَّر أي شيء. وترد التفاصيل في سجلات تشغيل الخادم.
form-hidden-character-title = لم يُسجَّل: حرف مخفي
form-hidden-character = لم يُسجَّل شيء. { $detail }. لا يجوز أن تتضمن النصوص أحرف تحكم أو أحرف فرض الاتجاه، فهي تخفي ما يقرؤه الآخرون أو تعيد ترتيبه. ارجع واحذفه ثم أرسل النموذج مجددًا.
form-journal-faulty = تعذّر تتبّع السجل (قيد لا يتصل بالسلسلة، أو قيود حُذفت)، فلا يُسجَّل شيء حتى يصلحه المشغّلون. ويبيّن /healthz ما وُجد.
form-number = أدخل رقم التعديل.
form-time = أدخل وقتًا بالصيغة 2026-12-01T17:00:00Z.
form-choose-state = اختر الدولة التي تصوّت باسمها.
form-unknown-act = تطلب هذه الاستمارة عملًا لا تعرفه المنصة.
refused-field-empty = { $field }: يجب ألا يكون هذا الحقل فارغًا.
refused-field-too-long = { $field }: الحد الأقصى { $max } حرفًا.
refused-duplicate = ورد { $name } مرتين.
form-choose-organ = اختر الهيئة التي تبدي الرأي.
form-count = أدخل عددًا صحيحًا من الأصوات (0 أو أكثر).
