# Поиск: страница /search и поле в шапке каждой страницы.

nav-search = Найти
nav-search-label = Поиск по сайту
search-title = Поиск
search-title-for = Поиск: { $query }
search-words = Слова
search-kind = Вид
search-kind-any = Любой вид
search-organ = Орган
search-organ-any = Любой орган
search-from = С
search-to = По
search-button = Найти
search-results = { $count ->
    [one] { $count } результат
    [few] { $count } результата
    [many] { $count } результатов
   *[other] { $count } результата
}
search-none = Ничего не найдено. Попробуйте меньше слов, начало слова или меньше фильтров.
search-as-of = По журналу до записи { $seq }.
search-hint = Ищите членов, органы, предложения, выборы, договоры, доклады, обязательства, включения в санкционные списки, консультации и инициативы, а также записи журнала, по любому слову их текста на любом языке. Должно найтись каждое слово; слово из трёх и более букв находит и слова, которые с него начинаются («democra» находит «democracy» и «démocratie»). Без слов фильтры перечисляют всё, что они допускают, от новых к старым.
search-bad-kind = «{ $value }» — не вид страницы, по которому можно искать.
search-bad-day = { $field }: «{ $value }» — не дата (ГГГГ-ММ-ДД).
search-api = Тот же поиск в JSON API: GET /api/v1/search
search-kind-member = Член
search-kind-organ = Орган
search-kind-motion = Предложение
search-kind-election = Выборы
search-kind-treaty = Договор
search-kind-report = Доклад
search-kind-pledge = Обязательство
search-kind-listing = Включение в санкционный список
search-kind-consultation = Консультация
search-kind-initiative = Гражданская инициатива
search-kind-entry = Запись журнала
search-journal = В журнале
search-journal-none = Ни одна запись журнала не содержит этих слов.
search-journal-entry = Запись { $seq }
search-journal-more = Все записи журнала с этими словами
search-journal-older = Более ранние записи
search-journal-filing = Слова журнала проиндексированы до записи { $seq } из { $head }; остальные на подходе.
