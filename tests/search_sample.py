"""Articles written for the search tests (our own sentences), one trap each, as files named by their key."""

from __future__ import annotations

from pathlib import Path

ARTICLES = {
    "tin": " date 2025-01-10 Tin smelter restarts in East Kazakhstan\n\n"
           "The tin smelter in Ust-Kamenogorsk restarted on Monday after a year of repairs.\n\n"
           "Officials said exports would resume in spring.\n",
    "meeting": " date 2025-01-11 Ministers hold a meeting in Astana\n\n"
               "The meeting of ministers discussed a cooperation roadmap, but no agreement was signed.\n",
    "erg": " date 2025-01-12 ERG expands ferroalloy output\n\n"
           "ERG, the Eurasian Resources Group, will expand ferroalloy output at Aksu.\n",
    "energy": " date 2025-01-13 Energy ministry reviews the grid\n\n"
              "The energy ministry reviewed the grid and its emergency reserves.\n",
    "lithium": " date 2025-01-14 Lithium deposit confirmed\n\n"
               "Geologists confirmed a lithium deposit near Kokshetau.\n",
    "cobalt": " date 2025-01-15 Cobalt refinery planned\n\n"
              "A cobalt refinery is planned for Pavlodar by 2027.\n",
    "phrase": " date 2025-01-16 Wind farm deal signed in Mangystau\n\n"
              "The green hydrogen project in Mangystau will feed its electrolysers with wind power.\n",
    "apart": " date 2025-01-17 Pilot plant for the city\n\n"
             "The green belt around the city will host a hydrogen pilot plant.\n\n"
             "The new park is green.\n\n"
             "Hydrogen buses arrive next year.\n",
    "coal": " date 2025-01-18 Coal output falls\n\n"
            "Coal output fell while lithium exploration grew.\n",
    "electrolysis": " date 2025-01-19 Institute opens a test line\n\n"
                    "An electrolysis test line opened at the institute.\n",
    "quote": " date 2025-01-20 Minister visits the deposit\n\n"
             "“Our partners call this deposit a treasure,” Energy Minister Almasadam Satkaliyev said on Monday.\n\n"
             "Aleška Simkić, the EU Ambassador to Kazakhstan, attended the visit.\n",
}


def write(folder: Path) -> Path:
    """Writes every sample article to `folder` as KEY.txt; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for key, text in ARTICLES.items():
        (folder / f"{key}.txt").write_text(text, encoding="utf-8")
    return folder
