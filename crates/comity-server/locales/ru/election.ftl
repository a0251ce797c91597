# Comity (ru): выборы и бумажные бюллетени

nav-elections = Выборы
elections-title = Выборы
elections-secret = Тайное голосование: в журнале регистрируется, какие государства проголосовали, но никогда — как. Бюллетени хранятся в урне без какой-либо связи с голосовавшими и публикуются, сгруппированные, вместе с итогами подсчёта.
elections-none = Выборы ещё не проводились.
election-method = Система
election-seats = Места
election-seats-n = мест: { $seats }
election-open = Открыты
election-counted = Подсчитаны
election-turnout = Явка
election-candidates = Кандидаты
election-elected = избран
election-count = Подсчёт голосов
election-ballots = Бюллетеней: { $count } (различных ранжирований: { $distinct }), опубликованы вместе с результатом
election-quota = квота { $quota }
election-by-lot = Равенство голосов разрешено жребием на основе зарегистрированного для выборов начального значения генератора случайных чисел.
election-stages = Подсчёт голосов по этапам
election-stage = Этап
election-ballots-json = Опубликованные бюллетени (JSON)
election-your-ballot = Ваш бюллетень
election-preference = Предпочтение { $n }
election-close = Закрыть выборы и подсчитать голоса
paper-title = Бумажные бюллетени
paper-intro = Если орган голосовал в зале, загрузите файл счётчиков голосов (BLT в том виде, в каком его создают программы подсчёта по системе STV, или формат бюллетеней JSON; сжатый gzip или нет) и список проголосовавших государств — столько же, сколько бюллетеней. Бюллетени помещаются в урну без связи с государствами; в журнале регистрируется только, кто проголосовал, и SHA-256 файла.
paper-file = Файл счётчиков голосов
paper-states = Проголосовавшие государства (коды ISO, по списку проголосовавших)
paper-record = Зарегистрировать бумажные бюллетени
paper-file-unreadable = Не удалось прочитать загруженный файл; повторите попытку.
paper-file-invalid = Файл счётчиков голосов невозможно использовать: { $detail }
paper-register-invalid = Не удаётся прочитать список проголосовавших: { $detail }
ev-paper_ballots_recorded = В урну выборов { $election } помещены бумажные бюллетени (число: { $ballots }; { $source })
election-voted = Кто проголосовал
not-found-election = Выборов { $id } не существует.
refused-election-unknown = Выборов { $election } не существует.
refused-election-invalid = { $detail }
ev-election_opened = Открыты выборы { $election }: { $title }
ev-ballot_cast = Государство { $state } проголосовало на выборах { $election }
ev-election_counted = Подсчитаны голоса на выборах { $election }
election-margins = Попарные перевесы: на сколько больше избирателей поставили кандидата строки выше кандидата столбца, чем наоборот

## Типизированные отказы: собственные формулировки этого модуля.
refused-election-unknown-method = Система «{ $method }» не входит в число следующих: { $known }.
refused-election-candidates = Назовите не менее двух кандидатов, каждого по одному разу.
refused-election-seats = Мест: от 1 до { $max } при числе кандидатов { $candidates }.
refused-election-already-voted = Государство { $state } уже проголосовало на этих выборах; тайный бюллетень изменить нельзя.
refused-election-counted = Голоса на этих выборах уже подсчитаны.
refused-election-box-mismatch = В урне бюллетеней: { $ballots }, а проголосовало государств: { $voted }.
refused-election-no-ballot = Ни одного действительного бюллетеня не подано.
refused-election-through-the-ballot-box = Бюллетени подаются и подсчитываются через урну.
refused-election-count = Невозможно подсчитать бюллетени: { $detail }
refused-election-no-register = Укажите государства, которые согласно списку проголосовавших приняли участие в голосовании.
refused-election-register-voted = Государство { $index } в списке проголосовавших, { $state }, уже проголосовало на этих выборах.
refused-election-zero-count = Бюллетень { $index } в файле: число должно быть не меньше 1.
refused-election-file-mismatch = В файле бюллетеней: { $ballots }, а в списке проголосовавших государств: { $states }.
refused-election-empty-ranking = { $ballot ->
    [none] Ранжируйте хотя бы одного кандидата.
   *[other] Бюллетень { $ballot } в файле: ранжируйте хотя бы одного кандидата.
}
refused-election-not-a-candidate = { $ballot ->
    [none] Выбор { $pos }: «{ $name }» не является кандидатом.
   *[other] Бюллетень { $ballot } в файле, выбор { $pos }: «{ $name }» не является кандидатом.
}
refused-election-ranked-twice = { $ballot ->
    [none] Выбор { $pos }: «{ $name }» указан дважды.
   *[other] Бюллетень { $ballot } в файле, выбор { $pos }: «{ $name }» указан дважды.
}
