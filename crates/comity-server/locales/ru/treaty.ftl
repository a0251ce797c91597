# Comity (ru): договоры

refused-treaty-unknown = Договора «{ $treaty }» не существует.
refused-treaty-exists = Договор «{ $treaty }» уже зарегистрирован.
refused-treaty-invalid = Файл или текст договора недействителен: { $detail }
refused-treaty-stage = Договор «{ $treaty }» находится на стадии «{ $stage }»: сейчас этот акт невозможен.
refused-treaty-edit = { $detail }
refused-treaty-open-brackets = В тексте договора «{ $treaty }» ещё остаются квадратные скобки (открытых: { $count }): снимите их до принятия.
refused-treaty-adoption-motion = Предложением { $motion } нельзя принять договор: { $detail }
refused-treaty-deposit-before-opening = Государство { $state } сдало документ на хранение { $date }, до открытия договора для подписания { $opened }.
refused-treaty-already-deposited = Государство { $state } уже сдало свой документ на хранение ({ $date }); государство сдаёт документ только один раз.
refused-treaty-act = { $detail }
treaty-stage-drafting = разрабатывается
treaty-stage-adopted = принят
treaty-stage-open-for-signature = открыт для подписания
treaty-stage-in-force = в силе
treaty-stage-entry-into-force-fixed = условие выполнено, дата вступления в силу определена
nav-treaties = Договоры
not-found-treaty = Договора { $id } не существует.
not-found-treaty-round = У договора { $id } нет раунда { $round }.
treaties-title = Договоры
treaties-intro = Договоры, разрабатываемые в рамках альянса, — от текста переговоров в квадратных скобках до вступления в силу. Каждый акт является записью журнала.
treaties-none = Пока ни один договор не разрабатывается.
treaties-caption = { $count ->
    [one] { $count } договор
    [few] { $count } договора
    [many] { $count } договоров
   *[other] { $count } договора
}
treaty-json = В формате JSON
treaty-title-col = Договор
treaty-stage = Стадия
treaty-organ = Орган-разработчик
treaty-round = Раунд
treaty-open-brackets = Открытые скобки
treaty-eif = Вступление в силу
treaty-short-title = Краткое название
treaty-depositary = Депозитарий
treaty-eif-not-yet-short = ещё нет
treaty-open-title = Начать разработку договора
treaty-open-explain = Файл договора (TOML) содержит сведения о договоре и его положение о вступлении в силу; текст — это проект первого раунда, в котором несогласованные формулировки заключены в квадратные скобки, а варианты разделены косой чертой: [Копенгаген / Брюссель].
treaty-open-file = Файл договора (TOML)
treaty-open-text = Проект текста
treaty-open-submit = Начать разработку
treaty-redline-link = Что изменилось с прошлого раунда
treaty-akn-link = Этот раунд в формате Akoma Ntoso (XML)
treaty-status-csv = Таблица статуса в формате CSV
treaty-text-round = Текст в нынешнем виде (раунд { $round })
treaty-text-legend = Несогласованные формулировки заключены в квадратные скобки, их варианты пронумерованы и разделены косой чертой. У каждой скобки указан её адрес (абзац, затем позиция скобки; вложенная скобка добавляет /вариант:позиция), который используют формы и API.
treaty-part-title = Название
treaty-part-preamble = Преамбула
treaty-part-open = { $count ->
    [one] { $count } открытая скобка
    [few] { $count } открытые скобки
    [many] { $count } открытых скобок
   *[other] { $count } открытой скобки
}
treaty-counts-caption = Открытые скобки по частям текста, раунд { $round }
treaty-part = Часть
treaty-total = Итого
treaty-history = История переговоров
treaty-rounds-chart-title = Открытые скобки по раундам переговоров
treaty-rounds-chart-desc = Раундов: { $rounds }; число открытых скобок изменилось с { $first } в первом проекте до { $last } в конце последнего раунда. У каждого раунда два столбца: скобки, открытые в его начале (контур), и в его конце (заливка).
treaty-round-n = Раунд { $n }
treaty-rounds-at-start = Открыты в начале раунда
treaty-rounds-at-end = Открыты в его конце (для текущего раунда — сейчас)
treaty-rounds-caption = Раунды в цифрах
treaty-round-opened = Начат
treaty-proposals-count = Предложено формулировок
treaty-settlements-count = Снято скобок
treaty-documents = Документы
treaty-redline-from-previous = Изменения, внесённые в раунде { $round }
treaty-akn-round = Раунд { $round } в формате Akoma Ntoso
treaty-proposals = Предложенные формулировки
treaty-proposals-none = Ни одной формулировки не предложено.
treaty-proposals-caption = { $count ->
    [one] Предложена { $count } формулировка
    [few] Предложены { $count } формулировки
    [many] Предложено { $count } формулировок
   *[other] Предложено { $count } формулировки
}
treaty-bracket = Скобка
treaty-wording = Формулировка
treaty-proposed-by = Кем предложена
treaty-entry = Запись
treaty-settlements = Снятые скобки
treaty-settlements-none = Ни одна скобка не снята.
treaty-settlements-caption = { $count ->
    [one] Снята { $count } скобка
    [few] Сняты { $count } скобки
    [many] Снято { $count } скобок
   *[other] Снято { $count } скобки
}
treaty-was = Прежняя формулировка
treaty-choice = Решение
treaty-settled-by = Каким образом
treaty-by-motion = предложением { $motion }
treaty-by-agreement = по договорённости
treaty-choice-alternative = сохранён вариант { $n }: «{ $wording }»
treaty-choice-text = заменено согласованным текстом: «{ $wording }»
treaty-choice-delete = исключено
treaty-adoption = Принятие и подписание
treaty-adopted-by = Кем принят
treaty-adopted-on = Дата принятия
treaty-adopted-round = Текст раунда
treaty-text-hash = SHA-256 принятого текста
treaty-not-adopted = Текст ещё не принят.
treaty-signature = Подписание
treaty-opened-for-signature = Открыт для подписания { $date }, место: { $place }.
treaty-not-open-for-signature = Ещё не открыт для подписания.
treaty-status = Статус подписей и документов
treaty-status-none = Пока ни одно государство не подписало договор и не сдало документ на хранение.
treaty-status-caption = { $count ->
    [one] Подписали или сдали документ на хранение: { $count } государство.
    [few] Подписали или сдали документ на хранение: { $count } государства.
    [many] Подписали или сдали документ на хранение: { $count } государств.
   *[other] Подписали или сдали документ на хранение: { $count } государства.
}
treaty-signed = Подписание
treaty-deposited = Сдача документа на хранение
treaty-instrument = Документ
treaty-reservations = Оговорки
treaty-declarations = Заявления
treaty-objections = Возражения против его оговорок
treaty-in-force-for = Вступление в силу для государства
treaty-withdrawal = Выход
treaty-objection-line = { $state } — против оговорки { $n }
treaty-withdrawal-line = уведомление { $notified }, вступает в силу { $effective }
treaty-instrument-ratification = ратификация
treaty-instrument-acceptance = принятие
treaty-instrument-approval = утверждение
treaty-instrument-accession = присоединение
treaty-deposits-title = Сдача документов на хранение во времени
treaty-deposits-caption = Документы, учитываемые для вступления в силу, по дням
treaty-deposits-chart-desc = Документы, учитываемые для вступления в силу, нарастающим итогом по дням начиная с { $start }: { $count } на { $last }.
treaty-deposits-chart-threshold = Пунктирная линия отмечает число документов, требуемое положением: { $n }.
treaty-deposits-chart-eif = Точечная линия отмечает вступление в силу { $date }.
treaty-deposits-threshold = требуется документов: { $n }
treaty-deposits-eif = вступает в силу { $date }
treaty-deposits-none = Пока ни один документ не сдан на хранение.
treaty-day = День
treaty-instruments-so-far = Документов на эту дату
treaty-threshold = Требуется по положению
treaty-clause = Положение
treaty-clause-text = Его текст
treaty-counts = Учитываемые документы
treaty-conditions = Условия (должны выполняться все)
treaty-met = выполнено
treaty-not-met = ещё не выполнено
treaty-date-rule = Дата, считая со дня выполнения условий
treaty-not-before = Не ранее
treaty-later = Для государства, сдающего документ позднее
treaty-cond-instruments = число документов не менее { $n } (виды: { $kinds })
treaty-cond-quantity = государства, на которые приходится не менее { $share } от показателя «{ $quantity }»
treaty-progress-instruments = сдано { $reached } из { $n }
treaty-progress-quantity = достигнуто { $reached }
treaty-step-days = { $n ->
    [one] через { $n } день
    [few] через { $n } дня
    [many] через { $n } дней
   *[other] через { $n } дня
}
treaty-step-months = { $n ->
    [one] через { $n } месяц
    [few] через { $n } месяца
    [many] через { $n } месяцев
   *[other] через { $n } месяца
}
treaty-step-years = { $n ->
    [one] через { $n } год
    [few] через { $n } года
    [many] через { $n } лет
   *[other] через { $n } года
}
treaty-step-first-of-month = в первый день этого месяца
treaty-step-first-of-next-month = в первый день следующего месяца
treaty-step-same-day = в тот же день
treaty-step-then = затем { $step }
treaty-not-before-applies = не ранее дня, установленного положением
treaty-eif-computed = Договор вступает в силу { $date }, как это следует из положения для зарегистрированных документов.
treaty-eif-met = Условия выполнены { $date }; документов: { $count }.
treaty-eif-parties = { $count ->
    [one] Действует для { $count } государства, с даты, указанной в таблице статуса.
    [few] Действует для { $count } государств, для каждого — с даты, указанной в таблице статуса.
    [many] Действует для { $count } государств, для каждого — с даты, указанной в таблице статуса.
   *[other] Действует для { $count } государства, для каждого — с даты, указанной в таблице статуса.
}
treaty-eif-not-yet = Ещё не вступил в силу: на данный момент учтено документов: { $count }.
treaty-withdrawal-clause = Выход
treaty-withdrawal-effective = Выход вступает в силу { $rule }, считая с даты уведомления.
treaty-acts = Зарегистрировать акт
treaty-form-open-round = Начать раунд { $round }
treaty-form-round-text = Сводный текст (оставьте пустым, чтобы продолжить с текста в нынешнем виде)
treaty-form-open-round-submit = Начать раунд
treaty-form-propose = Предложить формулировку для скобки
treaty-on-behalf-of = От имени
treaty-form-propose-submit = Предложить формулировку
treaty-form-settle = Снять скобку
treaty-form-keep-alternative = Сохранить вариант номер
treaty-form-alternative-number = Номер сохраняемого варианта
treaty-form-agreed-text = Заменить согласованным текстом
treaty-form-delete = Исключить текст в скобках
treaty-form-by-motion = Принятым предложением номер
treaty-form-motion-number = Номер предложения
treaty-form-settle-submit = Зарегистрировать снятие скобки
treaty-form-adopt = Зарегистрировать принятие
treaty-form-adopt-explain = Укажите номер принятого предложения вида treaty_adoption, внесённого после последнего изменения текста, когда ни одной открытой скобки не осталось.
treaty-form-adopt-submit = Зарегистрировать принятие
treaty-form-open-signature = Открыть для подписания
treaty-form-date-label = Дата (YYYY-MM-DD)
treaty-form-place = Место
treaty-form-open-signature-submit = Открыть для подписания
treaty-form-sign = Зарегистрировать подписание
treaty-form-sign-submit = Зарегистрировать подписание
treaty-form-deposit = Зарегистрировать сдачу документа на хранение
treaty-form-share-label = Доля государства в показателе «{ $quantity }» (например, 12.5%)
treaty-form-reservations = Оговорки, по одной на строку
treaty-form-declarations = Заявления, по одному на строку
treaty-form-deposit-submit = Зарегистрировать сдачу на хранение
treaty-form-object = Зарегистрировать возражение против оговорки
treaty-form-objecting-state = Возражающее государство
treaty-form-reserving-state = Государство, сделавшее оговорку
treaty-form-reservation-number = Номер оговорки
treaty-form-objection-text = Текст возражения
treaty-form-object-submit = Зарегистрировать возражение
treaty-form-withdraw = Зарегистрировать уведомление о выходе
treaty-form-notified-on = Дата уведомления (YYYY-MM-DD)
treaty-form-withdraw-submit = Зарегистрировать выход
treaty-form-date = Укажите дату в формате YYYY-MM-DD, например 2026-11-29.
treaty-form-state = Выберите государство.
treaty-form-number = Укажите целое число начиная с 1.
treaty-form-bracket = Выберите скобку текущего текста.
treaty-form-choice = Выберите способ снятия скобки.
treaty-form-instrument = Выберите ратификацию, принятие, утверждение или присоединение.
treaty-form-share = Доля указана неверно: { $detail }
treaty-redline-title = Сравнение редакций: { $from } → { $to }
treaty-first-draft = Первый проект
treaty-version-round = раунд { $n }
treaty-version-first-draft = первый проект
treaty-redline-from = С
treaty-redline-to = По
treaty-redline-compare = Сравнить
treaty-redline-unchanged = Тексты совпадают.
treaty-redline-summary = Вставлено слов: { $inserted }; удалено слов: { $deleted }.
treaty-redline-legend = Вставленные слова подчёркнуты, удалённые — зачёркнуты.
treaty-redline-download-html = Скачать как документ HTML
treaty-redline-download-text = Скачать как текст
ev-treaty_opened = Начата разработка договора «{ $title }» в органе { $organ }
ev-treaty_round_opened = { $treaty }: начат раунд переговоров { $round }
ev-treaty_wording_proposed = { $treaty }: { $by } предлагает формулировку для скобки { $bracket }
ev-treaty_bracket_resolved = { $treaty }: скобка { $bracket } снята { $motion ->
    [none] по договорённости
   *[other] предложением { $motion }
}
ev-treaty_adopted = { $treaty }: принят предложением { $motion }
ev-treaty_opened_for_signature = { $treaty }: открыт для подписания { $date }, место: { $place }
ev-treaty_signed = Государство { $state } подписало договор { $treaty }
ev-instrument_deposited = Государство { $state } сдало на хранение документ: { $instrument } ({ $treaty })
ev-reservation_objected = Государство { $state } возразило против оговорки { $n } государства { $reserving } ({ $treaty })
ev-treaty_entered_into_force = { $treaty }: вступает в силу { $date }
ev-treaty_withdrawal = Государство { $state } уведомило о выходе из договора { $treaty }, выход вступает в силу { $date }

## Типизированные отказы: собственные формулировки этого модуля.
refused-treaty-invalid-file = Файл договора недействителен: { $detail }
refused-treaty-invalid-text = Текст договора недействителен в строке { $line }, столбце { $column }: { $problem }{ $more ->
    [0] {""}
   *[other] {" "}(других проблем: { $more })
}
refused-treaty-edit-unknown-paragraph = В этом тексте нет абзаца «{ $paragraph }».
refused-treaty-edit-unknown-bracket = Скобки { $bracket } нет.
refused-treaty-edit-unknown-alternative = У скобки { $bracket } вариантов: { $count }; варианта { $alternative } нет.
refused-treaty-edit-empty-wording = Формулировка пуста.
refused-treaty-edit-invalid-wording = Формулировка недействительна в строке { $line }, столбце { $column }: { $problem }
refused-treaty-edit-duplicate-alternative = Скобка { $bracket } уже содержит эту формулировку как вариант { $alternative }.
refused-treaty-edit-would-empty = Исключение скобки { $bracket } оставило бы { $what } без текста.
refused-treaty-edit-too-deep = С этой формулировкой в скобке { $bracket } глубина вложения скобок превысила бы { $max }.
refused-treaty-date-in-future = Дата { $date } позже сегодняшней ({ $today }): регистрируйте акт после того, как он состоялся.
refused-treaty-not-the-organs-decision = Предложение { $motion } не является принятым решением органа { $organ }, разрабатывающего договор { $treaty }.
refused-treaty-signature-before-adoption = Договор { $treaty } не может быть открыт для подписания { $date }, до его принятия { $adopted }.
refused-treaty-signed-before-opening = Государство { $state } не может подписать договор { $date }: договор { $treaty } открыт для подписания { $opened }.
refused-treaty-already-signed = Государство { $state } уже подписало договор { $treaty } ({ $date }).
refused-treaty-no-instrument = Государство { $reserving } не сдавало на хранение документ по договору { $treaty }, поэтому у него нет оговорок, против которых можно возражать.
refused-treaty-no-such-reservation = В документе государства { $reserving } оговорок: { $count }; оговорки { $reservation } нет.
refused-treaty-own-reservation = Государство { $state } не может возражать против собственной оговорки.
refused-treaty-objection-before-reservation = Возражение ({ $date }) предшествует дате оговорки ({ $made }).
refused-treaty-not-a-party = Договор { $treaty } не действует для государства { $state }: выйти из договора может только его участник.
refused-treaty-already-withdrawn = Государство { $state } уже уведомило о выходе ({ $date }).
refused-treaty-withdrawal-too-early = Государство { $state } может уведомить о выходе начиная с { $from } ({ $clause }), а не { $date }.
refused-treaty-past-the-calendar = Дата выхода выходит за пределы календаря.
refused-treaty-out-of-order = Документы регистрируются в порядке их дат: последний зарегистрированный датирован { $latest }, поэтому документ от { $date } сейчас зарегистрировать нельзя.
refused-treaty-not-signed = Государство { $state } не подписало договор { $treaty }: неподписавшее государство выражает согласие путём присоединения, а не путём «{ $instrument }».
refused-treaty-share-missing = Положение договора { $treaty } учитывает показатель «{ $quantity }»: укажите долю государства { $state }.
refused-treaty-adoption-wrong-kind = Предложением { $motion } нельзя принять договор: это решение вида «{ $kind }», а не «{ $expected }».
refused-treaty-adoption-not-adopted = Предложением { $motion } нельзя принять договор: его статус — «{ $status }», а не «принято».
refused-treaty-adoption-before-last-change = Предложением { $motion } нельзя принять договор: оно внесено (запись { $tabled }) до последнего изменения текста (запись { $last_change }); голосование должно проводиться по окончательному тексту.
refused-treaty-adoption-adopted-another = Предложением { $motion } нельзя принять договор: им уже принят договор { $treaty }.
treaty-text-unclosed-bracket = эта «[» нигде не закрыта
treaty-text-stray-closing-bracket = эта «]» не закрывает ни одной скобки
treaty-text-empty-bracket = пустая скобка
treaty-text-brackets-too-deep = слишком глубокое вложение скобок (не более десяти уровней)
treaty-text-empty-alternative = один из вариантов этой скобки пуст
treaty-text-missing-title = текст начинается с названия: «# Название»
treaty-text-empty-title = название пусто
treaty-text-duplicate-title = второе название; в тексте только одна строка «# »
treaty-text-title-not-first = название должно предшествовать преамбуле и статьям
treaty-text-outside-section = текст вне преамбулы и статей: начните раздел строкой «## Preamble» или «## Article N»
treaty-text-unknown-heading = неизвестный заголовок: ожидается «## Preamble» или «## Article N»
treaty-text-preamble-not-first = преамбула должна предшествовать статьям
treaty-text-duplicate-preamble = вторая преамбула
treaty-text-bad-article-number = это не номер статьи (1, 2, 3, …)
treaty-text-bad-heading-separator = между номером статьи и её заголовком ожидается тире или двоеточие
treaty-text-bracket-in-heading = заголовок не может содержать скобок: поместите спорную формулировку в абзац
treaty-text-duplicate-article = этот номер статьи встречается дважды
treaty-text-bad-id = недопустимый идентификатор: используйте строчные буквы, цифры и одиночные подчёркивания
treaty-text-duplicate-id = этот идентификатор уже используется
treaty-text-empty-section = в этом разделе нет абзацев
treaty-text-empty-paragraph = в этом абзаце нет текста
treaty-text-numbering-skips = в нумерации абзацев пропуск
treaty-text-mixed-numbering = ненумерованный абзац среди нумерованных
treaty-text-numbered-preamble = абзацы преамбулы не нумеруются
treaty-text-no-article = в тексте нет ни одной статьи
