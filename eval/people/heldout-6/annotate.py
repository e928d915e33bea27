# ruff: noqa: E501  (annotation data: one meeting per block, one role per line)
"""Writes expected.jsonl for the sixth held-out set: four meetings written after the fixes that followed
the fifth held-out run, annotated before the rules were run on them, and measured once."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tuning"))
from annotate import write

R = {
 "oakhampstead-scrutiny-2025-04-08-minutes.txt": {
  "present": ["V Ellwood", "K Mistry", "R Amos", "J Beresford", "P Chandler", "S Duffy", "H Greenhalgh", "W Okoro", "D Pryor"],
  "chair": ["V Ellwood"], "vice-chair": ["K Mistry"], "officer": ["G Thornton", "L Abbott"], "apologies": ["T Neal"],
  "substitute": ["W Okoro"], "declared": ["J Beresford"], "moved": ["K Mistry"], "seconded": ["R Amos"]},
 "llanfor-cabinet-2025-03-25-minutes.txt": {
  "present": ["Nia Thomas-Lloyd", "Owain Bevan", "Delyth Prosser", "Gareth Hughes", "Rhodri Evans"],
  "chair": ["Nia Thomas-Lloyd"], "officer": ["Iwan Morris", "Sian Cadwaladr", "Elen Price"], "apologies": ["Tegwen Jones"],
  "declared": ["Delyth Prosser"]},
 "dunbrae-licensing-2025-04-02-minute.txt": {
  "present": ["Elspeth Cowie", "Archie Dalgleish", "Hamish Boyle", "Moira Finlay", "Stuart Lennox", "Colin Strachan"],
  "chair": ["Elspeth Cowie"], "vice-chair": ["Archie Dalgleish"], "officer": ["N Garvie", "P McLean"], "apologies": ["Fiona Kelso"],
  "moved": ["Stuart Lennox", "Hamish Boyle"], "seconded": ["Moira Finlay", "Colin Strachan"]},
 "rathkeel-council-2025-04-07-minutes.txt": {
  "present": ["Seamus McAllister", "F Blair", "H McGuigan", "N Stewart", "B Adair", "R Carson", "E Devlin", "M McKinley", "J O'Kane", "A Patterson", "C Quinn", "D Scullion"],
  "chair": ["Seamus McAllister"], "officer": ["R Millar", "C Doran", "J Irwin"], "apologies": ["S McCann"], "declared": ["F Blair"],
  "moved": ["B Adair", "N Stewart", "J O'Kane", "D Scullion"], "seconded": ["C Quinn", "E Devlin", "A Patterson", "R Carson"]},
}
D = [
 ("oakhampstead-scrutiny-2025-04-08-report-allocations.txt", "referred", "oakhampstead-scrutiny-2025-04-08-minutes.txt"),
 ("oakhampstead-scrutiny-2025-04-08-report-damp.txt", "noted", "oakhampstead-scrutiny-2025-04-08-minutes.txt"),
 ("llanfor-cabinet-2025-03-25-report-fees.txt", "agreed", "llanfor-cabinet-2025-03-25-minutes.txt"),
 ("llanfor-cabinet-2025-03-25-report-domiciliary.txt", "agreed-amended", "llanfor-cabinet-2025-03-25-minutes.txt"),
 ("llanfor-cabinet-2025-03-25-report-leisure.txt", "deferred", "llanfor-cabinet-2025-03-25-minutes.txt"),
 ("dunbrae-licensing-2025-04-02-report-overprovision.txt", "agreed-amended", "dunbrae-licensing-2025-04-02-minute.txt"),
 ("rathkeel-council-2025-04-07-report-rates.txt", "agreed", "rathkeel-council-2025-04-07-minutes.txt"),
 ("rathkeel-council-2025-04-07-report-tourism.txt", "agreed-amended", "rathkeel-council-2025-04-07-minutes.txt"),
]

if __name__ == "__main__":
    write(R, D, Path(__file__).with_name("expected.jsonl"))
