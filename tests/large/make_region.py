#!/usr/bin/env python3
"""Writes a synthetic region for the large-site tests (ctest large_site, the browser run on a
large site): N schools x Y years as CSV tables (with a Педагоги table in the last year).
Deterministic (fixed seed). The benchmarks use generator/tools/make_scale_data (XLSX).
    make_region.py OUT_DIR [schools=1000] [years=5]"""
import os
import random
import sys

out = sys.argv[1]
schools = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
years = int(sys.argv[3]) if len(sys.argv) > 3 else 5
rng = random.Random(20251)
types = ["СОШ", "ООШ", "НОШ", "гимназия", "лицей", "МКШ"]
clusters = ["Городские школы", "Сельские школы", "Гимназии и лицеи", "Малокомплектные школы"]
subjects = ["Математика", "Русский язык", "Физика", "История", "Биология", "Химия", "Начальные классы"]
base = [dict(id=f"s{i:04d}", type=rng.choice(types), cluster=rng.choice(clusters),
             teachers=rng.randint(6, 90), quality=rng.random()) for i in range(schools)]
for y in range(years):
    year = 2021 + y
    d = os.path.join(out, str(year))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "ОО.csv"), "w", encoding="utf-8") as f:
        f.write("Код ОО;Наименование ОО;Тип ОО;Кластер;Территория;Число обучающихся\n")
        for s in base:
            f.write(f"{s['id']};МБОУ «Школа {s['id']}»;{s['type']};{s['cluster']};село;{s['teachers'] * 14}\n")
    staff = open(os.path.join(d, "Кадры.csv"), "w", encoding="utf-8")
    dev = open(os.path.join(d, "Развитие.csv"), "w", encoding="utf-8")
    staff.write("Код ОО;Всего педагогических работников;Вакансии;Педагоги в возрасте до 35 лет;"
                "Молодые специалисты со стажем до 3 лет;Молодые специалисты со стажем до 1 года;"
                "Молодые специалисты, имеющие наставника;Высшая квалификационная категория;"
                "Первая квалификационная категория;С высшим образованием;С непедагогическим образованием;"
                "Из них прошли профессиональную переподготовку;Средний возраст;Средняя учебная нагрузка, ставок\n")
    dev.write("Код ОО;Прошли диагностику профессиональных дефицитов;Выявлены профессиональные дефициты;"
              "Имеют индивидуальный образовательный маршрут;Участвуют в мероприятиях по ИОМ;"
              "Прошли повышение квалификации за год;Из них в дистанционной форме;"
              "Участвовали в конкурсах профессионального мастерства;"
              "Включены в сетевые методические объединения и сообщества;"
              "Участвовали в мероприятиях регионального и федерального уровня;"
              "Эксперты предметных комиссий и аттестации;Входят в муниципальный методический актив;"
              "Педагоги-наставники;Реализуется целевая модель наставничества;"
              "Мероприятия по профилактике профессионального выгорания\n")
    teachers_rows = []
    for s in base:
        t = s["teachers"]
        q = min(1.0, max(0.0, s["quality"] + rng.uniform(-0.1, 0.1)))
        part = lambda share: min(t, int(t * share * rng.uniform(0.6, 1.2)))
        young3 = part(0.12)
        diag = part(0.3 + 0.7 * q)
        deficits = min(diag, part(0.3))
        iom = min(deficits, int(deficits * (0.4 + 0.6 * q)))
        courses = part(0.15 + 0.3 * q)
        non_ped = part(0.1)
        staff.write(f"{s['id']};{t};{rng.randint(0, 3)};{part(0.2)};{young3};{min(young3, part(0.04))};"
                    f"{min(young3, int(young3 * q + 0.5))};{part(0.2 * q + 0.1)};{part(0.25)};{part(0.8)};"
                    f"{non_ped};{min(non_ped, int(non_ped * q))};{rng.randint(38, 52)},{rng.randint(0, 9)};"
                    f"1,{rng.randint(0, 5)}\n")
        dev.write(f"{s['id']};{diag};{deficits};{iom};{min(iom, int(iom * (0.5 + 0.5 * q)))};{courses};"
                  f"{min(courses, part(0.2))};{part(0.1 * q + 0.02)};{part(0.4 + 0.5 * q)};{part(0.2 * q + 0.05)};"
                  f"{part(0.05 * q + 0.01)};{min(diag, part(0.1 * q + 0.01))};{part(0.08)};"
                  f"{'да' if q > 0.3 else 'нет'};{rng.randint(0, 6)}\n")
        if y == years - 1:
            for k in range(t):
                scored = k < diag
                teachers_rows.append(f"T{year}-{s['id']}-{k:03d};{s['id']};{rng.choice(subjects)};"
                                     f"{rng.randint(22, 64)};{rng.randint(0, 40)};первая;"
                                     f"{rng.randint(30, 95) if scored else ''};{'да' if scored and k < deficits else 'нет'};"
                                     f"{'да' if k < iom else 'нет'};нет\n")
    staff.close()
    dev.close()
    if teachers_rows:
        with open(os.path.join(d, "Педагоги.csv"), "w", encoding="utf-8") as f:
            f.write("Код педагога;Код ОО;Предмет;Возраст;Педагогический стаж, лет;Категория;"
                    "Результат диагностики, %;Выявлен дефицит;ИОМ;Есть наставник\n")
            f.writelines(teachers_rows)
