# Comity (ar): elections and paper ballots

nav-elections = الانتخابات
elections-title = الانتخابات
elections-secret = اقتراع سري: يثبت السجل الدول التي صوّتت، ولا يثبت أبدًا مضمون تصويتها. تُحفظ بطاقات الاقتراع في صندوق الاقتراع دون أي صلة بمن أدلى بها، وتُنشر مجمّعةً مع نتائج فرز الأصوات.
elections-none = لم يُجرَ أي انتخاب بعد.
election-method = طريقة الانتخاب
election-seats = المقاعد
election-seats-n = عدد المقاعد: { $seats }
election-open = مفتوح
election-counted = فُرزت أصواته
election-turnout = نسبة المشاركة
election-candidates = المرشحون
election-elected = منتخَب
election-count = فرز الأصوات
election-ballots = عدد بطاقات الاقتراع: { $count } (عدد الترتيبات المختلفة: { $distinct })، وتُنشر مع النتيجة
election-quota = الحصة { $quota }
election-by-lot = حُسم تعادل بالقرعة، استنادًا إلى البذرة العشوائية المسجّلة للانتخاب.
election-stages = فرز الأصوات مرحلةً بمرحلة
election-stage = المرحلة
election-ballots-json = بطاقات الاقتراع المنشورة (JSON)
election-your-ballot = بطاقة اقتراعك
election-preference = التفضيل رقم { $n }
election-close = إقفال الانتخاب وفرز الأصوات
paper-title = أوراق الاقتراع الورقية
paper-intro = إذا صوّتت الهيئة في القاعة، فارفع ملف فارزي الأصوات (بصيغة BLT كما تكتبها برامج فرز الصوت الواحد المتحول، أو بصيغة أوراق الاقتراع JSON؛ مضغوطًا بـ gzip أو لا) وسجل الدول التي صوّتت، بعدد أوراق الاقتراع. تُضاف الأوراق إلى صندوق الاقتراع دون ربطها بالدول؛ ولا يسجل السجل إلا من صوّت وبصمة SHA-256 للملف.
paper-file = ملف فارزي الأصوات
paper-states = الدول التي صوّتت (رموز ISO، من السجل)
paper-record = سجّل الأوراق الورقية
paper-file-unreadable = تعذرت قراءة الملف المرفوع؛ حاول مرة أخرى.
paper-file-invalid = لا يمكن استخدام ملف فارزي الأصوات: { $detail }
paper-register-invalid = تعذرت قراءة السجل: { $detail }
ev-paper_ballots_recorded = أُضيفت { $ballots } ورقة اقتراع ورقية إلى صندوق الاقتراع في الانتخاب { $election } ({ $source })
election-voted = الدول التي صوّتت
not-found-election = لا يوجد انتخاب رقمه { $id }.
refused-election-unknown = لا يوجد انتخاب رقمه { $election }.
refused-election-invalid = { $detail }
ev-election_opened = افتُتح الانتخاب { $election }: { $title }
ev-ballot_cast = أدلت { $state } بصوتها في الانتخاب { $election }
ev-election_counted = فُرزت أصوات الانتخاب { $election }
election-margins = الفوارق الثنائية: كم ناخبًا إضافيًا رتّب مرشح الصف قبل مرشح العمود مقارنة بالعكس

## Typed refusals: this capability's own words.
refused-election-unknown-method = الطريقة «{ $method }» ليست من بين { $known }.
refused-election-candidates = سمِّ مرشحَين اثنين على الأقل، كلًّا منهما مرة واحدة.
refused-election-seats = المقاعد: بين 1 و{ $max } لعدد { $candidates } من المرشحين.
refused-election-already-voted = صوّتت { $state } في هذا الانتخاب؛ ولا يمكن تغيير الاقتراع السري.
refused-election-counted = فُرزت أصوات هذا الانتخاب بالفعل.
refused-election-box-mismatch = يحوي صندوق الاقتراع { $ballots } ورقة، لكن { $voted } دولة صوّتت.
refused-election-no-ballot = لم تُدلَ أي ورقة اقتراع صالحة.
refused-election-through-the-ballot-box = تُدلى أوراق الاقتراع وتُفرز عبر صندوق الاقتراع.
refused-election-count = تعذّر فرز أوراق الاقتراع: { $detail }
refused-election-no-register = سمِّ الدول التي يُظهر السجل أنها صوّتت.
refused-election-register-voted = الدولة { $index } في السجل، { $state }، صوّتت بالفعل في هذا الانتخاب.
refused-election-zero-count = الورقة { $index } في الملف: عدد لا يقل عن 1.
refused-election-file-mismatch = يحوي الملف { $ballots } ورقة، لكن السجل يسمّي { $states } دولة.
refused-election-empty-ranking = { $ballot ->
    [none] رتّب مرشحًا واحدًا على الأقل.
   *[other] الورقة { $ballot } في الملف: رتّب مرشحًا واحدًا على الأقل.
}
refused-election-not-a-candidate = { $ballot ->
    [none] الاختيار { $pos }: «{ $name }» ليس مرشحًا.
   *[other] الورقة { $ballot } في الملف، الاختيار { $pos }: «{ $name }» ليس مرشحًا.
}
refused-election-ranked-twice = { $ballot ->
    [none] الاختيار { $pos }: «{ $name }» مرتّب مرتين.
   *[other] الورقة { $ballot } في الملف، الاختيار { $pos }: «{ $name }» مرتّب مرتين.
}
