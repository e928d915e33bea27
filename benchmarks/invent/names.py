"""Names: people, places, councils, streets and venues.

The common names (FIRST_NAMES, SURNAMES) and the place names built from syllables give the invented
councils' papers a long-tailed vocabulary like real ones. The uncommon names were checked against the
shipped papers, the invented councils' papers and every question file: none occurs, so papers that use
them (the distractors) never name someone a question asks about."""

from __future__ import annotations

import random

PLACE_HEADS = (
    "Ash Bram Cald Dun Elm Fen Glen Hart Holm Kings Lang Mar Nor Oak Pen Red Stan Thorn Up Wil Wych Yar "
    "Brad Chel Dor Hol Lud Mal Ros Tew Bex Crow Ever Frome Gil Hal Ket Lyd Mel Nar Oun Pem Quen Rud Sel Tad "
    "Ulver Wen Bar Cor Alder Bas Brom Car Chid Cle Dray Eas Fair Gos Ham Hen Hurst Ick Kem Kin Lea Lin Mid "
    "Mor New Ock Ox Pad Pit Rain Rick Sax Shep Sil Stok Sud Swin Tam Tod Wal War Whit Wig Wool Wor Yat"
).split()
PLACE_TAILS = (
    "ford bury ton ham ley worth field by mouth wick stead combe den hurst minster borough well bridge "
    "dale cote thorpe ing wood more bourne brook chester cliffe croft don fold gate hampton holme hope "
    "land low marsh port sey shaw stow wich"
).split()
COUNCIL_KINDS = ("County Council", "Council", "District Council", "Borough Council", "City Council")
STREET_KINDS = ("Road", "Lane", "Street", "Avenue", "Close", "Way", "Green", "Hill", "Park", "Crescent")
FIRST_NAMES = (
    "Alan Alison Amir Angela Barry Bernadette Bruce Carol Catherine Charlotte Clive Colin Dafydd David Deborah "
    "Derek Elaine Elizabeth Emma Fiona Frances Gareth Geoffrey Gillian Graham Hannah Harriet Helen Hugh Ian "
    "Imran Jacqueline James Janet Jennifer Jonathan Julie Karen Keith Kevin Linda Lorraine Malcolm Margaret "
    "Mark Martin Mohammed Nicola Nigel Pauline Peter Philippa Priya Rachel Raj Richard Robert Roger Rosemary "
    "Sally Samina Sandra Sarah Simon Stephen Susan Terence Timothy Trevor Valerie Wendy William Yvonne"
).split()
SURNAMES = (
    "Abbott Ahmed Allen Armstrong Atkinson Bailey Baker Banks Barker Barnes Bell Bennett Bevan Bird Bishop "
    "Blackwell Bowen Bradley Brennan Briggs Brooks Burton Butler Carter Chamberlain Chapman Clarke Cole Collins "
    "Cooper Cox Crawford Davies Dawson Dixon Doyle Edwards Ellis Evans Farrell Fisher Fletcher Foster Fox "
    "Gardner Gibson Goodwin Graham Grant Gray Griffiths Hall Hamilton Harding Harris Hart Hayes Hewitt Hill "
    "Holmes Hopkins Howard Hughes Hussain Jackson James Jenkins Johnson Jones Kaur Kelly Khan Knight Lambert "
    "Lawrence Lewis Lloyd Marsh Marshall Mason Matthews Mills Mitchell Moore Morgan Morris Murphy Nash Newman "
    "Norton Owen Palmer Parker Parry Patel Pearce Perry Phillips Powell Price Pritchard Reid Reynolds "
    "Richards Roberts Robinson Rogers Rowe Saunders Scott Shah Sharp Simpson Singh Slater Spencer Stevens "
    "Stone Sutton Taylor Thomas Thompson Turner Vaughan Walker Walsh Ward Watkins Watson Webb Wells West "
    "White Wilkinson Williams Wood Wright Young"
).split()
VENUES = ("the Shire Hall", "the Council Chamber", "Plough Lane offices", "the Town Hall", "the Guildhall",
          "County Hall", "the Civic Centre", "the Corn Exchange")

# Uncommon: none occurs in the shipped papers, the invented councils' papers or any question file.
UNCOMMON_FIRST_NAMES = (
    "Adrian Alice Andrea Anthony Audrey Beryl Brian Caroline Cedric Daphne Dennis Dorothy Edwin Eileen Francis "
    "Gail Geraldine Gordon Hazel Howard Irene Isobel Jeffrey Joan Lesley Marian Neville Norma Oliver Philip Rhona "
    "Rodney Rosalind Rupert Shirley Thelma Tristan Vernon Vivienne Walter Winifred Cynthia Desmond Gwendoline "
    "Hilary Lionel Mavis Nigella Reginald"
).split()
UNCOMMON_SURNAMES = (
    "Abberley Ashdown Aylmer Bannister Barrowcliffe Beddoes Birtwistle Bourne Bramley Calcott Carwardine Chadd "
    "Cholmondeley Cleeve Corbett Coxall Dancey Delahay Elcock Fairclough Farrant Gethin Gittoes Godsall Greenhough "
    "Harcourt Holloway Ingram Lacy Lambourne Maddox Mansell Meredith Oakeley Pember Pilley Prosser Quarrell "
    "Rawlings Rudge Scudamore Seabourne Skyrme Stallard Tanner Thackway Treherne Vowles Wathen Whittall Yapp "
    "Bevington Caddick Darbyshire Elwell Feltham Hibbert Ilsley Kettle Lovell Mabbott Orchard Pegler Quine "
    "Ratcliffe Sandle"
).split()


def place_name(index: int) -> str:
    """One of len(PLACE_HEADS) x len(PLACE_TAILS) names, scattered (7919 is prime to their product)."""
    scattered = index * 7919 % (len(PLACE_HEADS) * len(PLACE_TAILS))
    return PLACE_HEADS[scattered % len(PLACE_HEADS)] + PLACE_TAILS[scattered // len(PLACE_HEADS)]


def council_area(council: int) -> str:
    """The area invented council number `council` serves ("Ashford")."""
    return place_name(council * 37 + 11).capitalize()


def council_name(council: int) -> str:
    """ "Ashford Borough Council"."""
    return f"{council_area(council)} {COUNCIL_KINDS[council % len(COUNCIL_KINDS)]}"


def full_name(rng: random.Random, first: tuple[str, ...] | list[str] = FIRST_NAMES,
              last: tuple[str, ...] | list[str] = SURNAMES) -> str:
    """ "Alison Bevan"."""
    return f"{rng.choice(first)} {rng.choice(last)}"


def resident(rng: random.Random, first: tuple[str, ...] | list[str] = FIRST_NAMES,
             last: tuple[str, ...] | list[str] = SURNAMES) -> str:
    """A member of the public as minutes name one: "Mrs A Bevan"."""
    return f"{rng.choice(('Mr', 'Mrs', 'Ms', 'Dr'))} {rng.choice(first)[0]} {rng.choice(last)}"
