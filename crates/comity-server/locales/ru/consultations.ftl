# Comity (ru): консультации
nav-consultations = Консультации
consultations-title = Консультации
consultations-intro = Орган в течение установленного срока задаёт вопрос в форме структурированных вопросов выбранным им участникам: аккредитованным организациям, государствам-членам и, если он это допускает, любому лицу. Материалы публикуются по мере поступления, если участник не просит о конфиденциальности; после завершения орган принимает сводный доклад по своему правилу, и консультация связывается с решениями, которые она обосновала.
consultations-none = Ещё не открыто ни одной консультации.
consultations-list-caption = Консультации, сначала новые
consultations-col-consultation = Консультация
consultations-col-organ = Орган
consultations-col-status = Статус
consultations-col-period = Период
consultations-col-submissions = Материалы
consultations-col-entry = Запись журнала
consultations-status-upcoming = Предстоит
consultations-status-open = Открыта
consultations-status-ended = Срок истёк, завершение ещё не записано
consultations-status-closed = Завершена, ожидается сводный доклад
consultations-status-concluded = Подведены итоги
consultations-days-left = { $count ->
    [one] остался { $count } день
    [few] осталось { $count } дня
    [many] осталось { $count } дней
   *[other] осталось { $count } дня
}
consultations-unknown = Консультации { $consultation } не существует.
consultations-respond = Ответить
consultations-question = Вопрос
consultations-audience = Кто может ответить
consultations-audience-organisation = аккредитованные организации
consultations-audience-state = государства-члены
consultations-audience-person = любое лицо
consultations-kind-organisation = аккредитованная организация
consultations-kind-state = государство-член
consultations-kind-person = физическое лицо
consultations-synthesis = Сводный доклад
consultations-synthesis-adopted = Принят органом { $organ } { $day }:
consultations-motion = предложение { $motion }
consultations-entry = запись журнала { $entry }
consultations-decisions = Решения, которые она обосновала
consultations-figures = Кто ответил и что
consultations-count = { $count ->
    [one] { $count } материал
    [few] { $count } материала
    [many] { $count } материалов
   *[other] { $count } материала
}, из них конфиденциальных — { $confidential } (учтены здесь, но их ответы исключены из данных).
consultations-by-country = Материалы по странам
consultations-chart-title = Вопрос { $number }: ответов — { $count }
consultations-chart-desc = По одному столбцу на вариант ответа, с числом ответов и долей от опубликованных ответов (всего { $count }).
consultations-text-answers = { $count ->
    [one] { $count } письменный ответ — ниже.
    [few] { $count } письменных ответа — ниже.
    [many] { $count } письменных ответов — ниже.
   *[other] { $count } письменного ответа — ниже.
}
consultations-scale-1 = Категорически не согласен
consultations-scale-2 = Не согласен
consultations-scale-3 = Ни да, ни нет
consultations-scale-4 = Согласен
consultations-scale-5 = Полностью согласен
consultations-submissions = Материалы
consultations-no-submissions = Ещё не опубликовано ни одного материала.
consultations-anonymous = Физическое лицо (имя не раскрывается)
consultations-confidential = Конфиденциальные материалы
consultations-confidential-note = Конфиденциально: ответы хранятся для секретариата; журнал фиксирует SHA-256 содержимого:
consultations-confidential-secretariat = Конфиденциальные материалы читает только секретариат.
consultations-confidential-intro = То, что участники просили сохранить в тайне, прочитанное из хранилища рядом с журналом; каждый материал сверяется с SHA-256, записанным в журнале.
consultations-hash-matches = Содержимое совпадает с SHA-256 в журнале.
consultations-hash-differs = Содержимое не совпадает с SHA-256 в журнале.
consultations-back-list = Все консультации
consultations-back = Назад к консультации
consultations-not-open = Эта консультация не принимает материалы: { $status }.
consultations-no-way = Вы не можете ответить на эту консультацию: она открыта для государств и аккредитованных организаций через их учётные записи. Войдите, чтобы ответить от имени своего государства или организации.
consultations-who = Кто отвечает
consultations-as-state = От имени государства { $state }
consultations-as-organisation = От имени организации { $name }
consultations-as-person = От своего имени или от имени неаккредитованной организации
consultations-field-name = Ваше имя
consultations-field-country = Страна проживания
consultations-field-organisation = Организация, которую вы представляете (если есть)
consultations-person-note = Имя, страна и организация физического лица публикуются вместе с ответами, если ответ не конфиденциальный.
consultations-field-confidential = Сохранить мои ответы в тайне (а для физического лица — и моё имя): их читает только секретариат.
consultations-send = Отправить
consultations-publication = Ответы публикуются с именем участника на этой странице и в открытом журнале по мере поступления. Конфиденциальные ответы записываются в журнал только с указанием категории и страны участника и SHA-256 содержимого.
consultations-pick-way = Выберите, кто отвечает.
consultations-pick-country = Выберите страну проживания.
consultations-receipt-title = Ваш ответ записан
consultations-receipt-text = Ваш ответ на консультацию «{ $title }» зарегистрирован как материал { $submission }.
consultations-receipt-confidential = Его ответы остаются конфиденциальными.
consultations-receipt-hash = Хеш записи
ev-consultation_opened = Консультация { $consultation } открыта органом { $organ }: «{ $title }», вопросов — { $questions }, с { $opens } по { $closes }
ev-submission_received = «{ $title }»: материал { $submission } от участника (категория: { $kind }; { $country })
ev-submission_received-confidential = «{ $title }»: конфиденциальный материал { $submission } от участника (категория: { $kind }; { $country })
ev-consultation_closed = Консультация «{ $title }» завершена { $day }; материалов — { $count }
ev-synthesis_adopted = Сводный доклад по консультации «{ $title }» принят предложением { $motion }
ev-decision_linked = Консультация «{ $title }» обосновала решение по предложению { $motion }
refused-consultations-unknown-organ = Органа { $organ } не существует.
refused-consultations-unknown = Консультации { $consultation } не существует.
refused-consultations-bad-period = Консультация должна завершаться в день открытия ({ $opens }) или позже.
refused-consultations-questions = Консультация содержит не менее одного и не более 50 вопросов.
refused-consultations-bad-question = Вопрос { $number }: { $problem }.
refused-consultations-no-audience = Консультация должна быть открыта хотя бы для одной категории участников.
refused-consultations-not-open = Консультация { $consultation } принимает материалы с { $opens } по { $closes }.
refused-consultations-not-in-audience = Консультация { $consultation } не принимает материалы от участников категории «{ $kind }».
refused-consultations-not-accredited = Аккредитованной организации { $accreditation } не существует.
refused-consultations-not-a-member = { $state } не является членом альянса.
refused-consultations-unknown-country = { $state } отсутствует в реестре стран.
refused-consultations-already-responded = Этот участник уже ответил на консультацию { $consultation }.
refused-consultations-no-question = В консультации { $consultation } нет вопроса { $number }.
refused-consultations-bad-answer = Ответ на вопрос { $number } должен быть { $expected }.
refused-consultations-no-answer = Материал должен содержать ответ хотя бы на один вопрос.
refused-consultations-not-ended = Консультация { $consultation } завершается { $closes }: до этой даты завершение записать нельзя.
refused-consultations-closed = Консультация { $consultation } уже завершена.
refused-consultations-not-closed = Консультация { $consultation } ещё не завершена.
refused-consultations-has-synthesis = По консультации { $consultation } уже есть сводный доклад.
refused-consultations-unknown-motion = Предложения { $motion } не существует.
refused-consultations-not-adopted = Предложение { $motion } не является принятым предложением органа { $organ }.
refused-consultations-linked = Консультация { $consultation } уже связана с предложением { $motion }.
refused-consultations-tabled-too-early = Предложение { $motion } внесено до завершения консультации ({ $closes }): им нельзя принять её сводный доклад.
motion-consultations = Консультации, которые его обосновали
consultations-open-title = Открыть консультацию
consultations-open-file = Консультация в виде файла TOML: organ, title, question, opens и closes (YYYY-MM-DD), audience (organisations, states, public) и [[questions]] с полями text, kind (text, choice или scale) и, для выбора из вариантов, options
consultations-open = Открыть
consultations-officer = Действия секретариата
consultations-close = Записать завершение
consultations-synthesis-motion = Принятое предложение органа, текст которого является сводным докладом
consultations-adopt = Записать сводный доклад
consultations-pick-motion = Укажите номер предложения.
consultations-link-title = Связать с решением, которое она обосновала
consultations-link-motion = Номер предложения
consultations-link-note = Как консультация его обосновала
consultations-link = Связать
