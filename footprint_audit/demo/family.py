"""The Bakers: a fictional family whose public posts give away what health visitors find by
hand on real accounts.

Everything here is made up: the family, the captions, the drawn pictures. The children's faces
are adult stand-ins (faces/NOTICE.md), never a photo of a child. Two years of posts show two
children's names and birthdays, a school and a nursery, a weekly swimming class, a home area
(camera-roll GPS in the evenings), a beach holiday, a tagged grandparent, a classmate named in a
playdate post, a stranger's creepy comment, and Mia in the same school uniform on school-day
mornings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from .scenes import CASUAL, UNIFORM, Outfit, Person

LONDON = ZoneInfo("Europe/London")
ACCOUNT = "sophie.and.mia"
CHILD = "Mia"
BIRTHDAY = "2019-05-14"
#: Mia's little brother: his own birthday and a nursery.
BROTHER = "Leo"
BROTHER_BIRTHDAY = "2022-02-03"
NURSERY = "Little Acorns Nursery"
#: A classmate named in a playdate post: another family's child, exposed by this account.
CLASSMATE = "Lily"
GRANDPARENT = "nana_jo_baker"
STRANGER = "stranger_danger_77"

# Fictional but plausible places. Home is a point in a residential street grid; posts
# taken there are jittered by up to ~40 m, as phone GPS is.
HOME = (51.55602, -0.14031)
SCHOOL = ("Oakfield Primary School", 51.55291, -0.14512)
POOL = ("Kentish Town Sports Centre", 51.54969, -0.14251)
PARK = ("Hampstead Heath", 51.56082, -0.16330)
BEACH = ("St Ives", 50.21167, -5.47989)


@dataclass(frozen=True)
class DemoPost:
    when: str  # local time, Europe/London
    caption: str
    scene: str
    place: tuple[str, float, float] | None = None  # platform geotag
    tagged: tuple[str, ...] = ()
    comments: tuple[tuple[str, str], ...] = ()
    people: tuple[Person, ...] = ()


def _tuesdays(start: str, n: int, hh: int, mm: int) -> list[str]:
    d = datetime.fromisoformat(start)
    out = []
    for week in range(n):
        t = d + timedelta(weeks=week, minutes=(week * 7) % 20)
        out.append(t.replace(hour=hh, minute=mm).isoformat(sep=" "))
    return out


# Who is in the pictures. Each child's face is an adult stand-in; Mia's posted faces come from
# three different photos, none of them the one she is enrolled from (mia_ref), and Leo's from
# two (enrolled from leo_ref).
MIA_FACES = ("mia_a", "mia_b", "mia_c")
LEO_FACES = ("leo_a", "leo_b")
#: The crops the demo enrols, never posted.
REFERENCE_FACES = {CHILD: "mia_ref", BROTHER: "leo_ref"}


def mia(n: int, outfit: Outfit, x: float = 0.5, face_w: int = 78) -> Person:
    return Person(MIA_FACES[n % len(MIA_FACES)], outfit, x, face_w)


def leo(n: int, outfit: Outfit, x: float = 0.5, face_w: int = 64) -> Person:
    return Person(LEO_FACES[n % len(LEO_FACES)], outfit, x, face_w)


def lily(outfit: Outfit, x: float = 0.68) -> Person:
    return Person("lily", outfit, x, 74)


C = CASUAL

_SWIM_CAPTIONS = [
    "Swim class again 🏊‍♀️ she's getting so brave in the big pool!",
    "Tuesday = swimming. Every week she asks if it's swim day yet 😂 #swimkids",
    "Post-swim hot chocolate is the real reason we go ☕️",
    "Level 2 badge!!! 🏅 so proud of this little fish #swimming",
    "swim class with Lily, the two of them never stop giggling",
    "Tuesday swim done ✅ she did a whole width on her own",
    "Back to swimming after half term 🏊‍♀️",
    "Swim class, then straight to bed. Tuesdays are long!",
]

PUBLIC_POSTS: list[DemoPost] = [
    # --- 2023: Mia starts Reception, Leo is one
    DemoPost(
        "2023-07-15 11:30",
        "Strawberry picking 🍓 more went in their mouths than in the basket",
        "park",
        people=(mia(0, C["red t-shirt, jeans"], 0.32), leo(0, C["blue dungarees"], 0.7)),
    ),
    DemoPost(
        "2023-08-19 15:00",
        "Back in St Ives! Same beach every summer 🌊 #cornwall #beachlife",
        "beach",
        place=BEACH,
        people=(mia(1, C["sun suit"], 0.3), leo(1, C["striped top, shorts"], 0.7)),
    ),
    DemoPost(
        "2023-09-06 08:30",
        "First day of Reception at Oakfield Primary! 🎒 Uniform is enormous on her 😭 #firstdayofschool",
        "school",
        place=SCHOOL,
        people=(mia(2, UNIFORM),),
    ),
    DemoPost(
        "2023-10-28 17:00",
        "Pumpkin carving 🎃 she designed it, I did the scary knife bits",
        "home",
        people=(mia(0, C["orange jumper, cords"], 0.4),),
    ),
    DemoPost(
        "2023-12-25 10:45",
        "Christmas morning chaos 🎄 Father Christmas found us!",
        "home",
        people=(mia(1, C["christmas jumper"], 0.32), leo(0, C["pyjamas"], 0.7)),
    ),
    # --- 2024
    DemoPost(
        "2024-01-14 13:30",
        "Sunday lunch at Nana and Grandad's ❤️ best roast in London",
        "home",
        tagged=(GRANDPARENT,),
        comments=((GRANDPARENT, "Lovely to see you all, come again soon ❤️"),),
        people=(mia(2, C["pink hoodie, leggings"], 0.32), leo(1, C["dinosaur t-shirt"], 0.7)),
    ),
    DemoPost(
        "2024-02-03 18:30",
        "Leo turns 2 today!! 🦖🎂 our cheeky little man #LeoTurns2",
        "cake",
        people=(leo(0, C["dinosaur t-shirt"], 0.35),),
    ),
    DemoPost(
        "2024-03-30 10:30",
        "Easter egg hunt 🐣 Leo found exactly one egg and was thrilled",
        "park",
        place=PARK,
        people=(mia(0, C["yellow dress"], 0.3), leo(1, C["raincoat"], 0.7)),
    ),
    DemoPost(
        "2024-04-13 15:30",
        "Playdate with her best friend Lily from class 💕 inseparable since Reception",
        "home",
        tagged=("lilys.mum.jo",),
        people=(mia(1, C["striped top, shorts"], 0.32), lily(C["pink hoodie, leggings"])),
    ),
    DemoPost(
        "2024-05-14 08:05",
        "Our Mia turns 5 today!! 🎂🎉 Where did the time go? #MiaTurns5 #birthdaygirl",
        "cake",
        people=(mia(2, C["party dress"], 0.35),),
    ),
    DemoPost(
        "2024-05-18 14:20",
        "Birthday party at the park with all her friends 🎈 thanks everyone for coming!",
        "park",
        place=PARK,
        tagged=("lilys.mum.jo",),
        comments=(
            (GRANDPARENT, "Happy birthday darling Mia! Love Nana ❤️"),
            (STRANGER, "so cute! where is this? 😍"),
        ),
        people=(mia(0, C["party dress"], 0.32), lily(C["yellow dress"])),
    ),
    DemoPost(
        "2024-06-22 12:30",
        "Picnic in the sunshine ☀️ #northlondon",
        "park",
        place=PARK,
        people=(mia(1, C["red t-shirt, jeans"], 0.3), leo(0, C["sun suit"], 0.7)),
    ),
    DemoPost(
        "2024-07-27 10:00",
        "Leo's new scooter 🛴 the pavement will never be the same",
        "park",
        people=(leo(1, C["striped top, shorts"], 0.5, 70),),
    ),
    DemoPost(
        "2024-08-10 11:00",
        "Beach days in Cornwall 🌊 #beachbaby #bathtime fun after!",
        "beach",
        place=BEACH,
        people=(mia(2, C["purple swimsuit"], 0.3), leo(0, C["sun suit"], 0.7)),
    ),
    DemoPost(
        "2024-08-12 10:30",
        "Rock pooling in St Ives 🦀 Mia found a crab!",
        "beach",
        place=BEACH,
        people=(mia(0, C["blue dungarees"], 0.4),),
    ),
    DemoPost("2024-08-14 20:40", "Last sunset of the holiday 🌅", "beach", place=BEACH),
    DemoPost(
        "2024-09-04 08:35",
        "First day of Year 1 at Oakfield Primary School! 🎒 My big girl 😭 #firstdayofschool #backtoschool",
        "school",
        place=SCHOOL,
        people=(mia(1, UNIFORM),),
    ),
    DemoPost(
        "2024-09-09 09:10",
        "Leo's first day at Little Acorns Nursery 🐻 he didn't even look back!",
        "nursery",
        people=(leo(1, C["raincoat"], 0.5, 70),),
    ),
    DemoPost(
        "2024-09-11 08:32",
        "School run in the rain ☔️ she insisted on the wellies",
        "school",
        place=SCHOOL,
        people=(mia(2, UNIFORM, 0.4),),
    ),
    DemoPost(
        "2024-10-03 08:10",
        "School photo day! Brushed hair for once 😅",
        "school",
        people=(mia(0, UNIFORM, 0.45),),
    ),
    DemoPost(
        "2024-10-18 15:40",
        "Mia (5) and Lily (5) showing off their autumn crafts from school 🍂",
        "craft",
        tagged=("lilys.mum.jo",),
        people=(mia(1, UNIFORM, 0.32), lily(UNIFORM)),
    ),
    DemoPost(
        "2024-10-26 11:00",
        "Half term at the city farm 🐐",
        "park",
        people=(mia(2, C["orange jumper, cords"], 0.3), leo(1, C["raincoat"], 0.7)),
    ),
    DemoPost(
        "2024-11-05 08:15",
        "Odd socks day for anti-bullying week 🧦 #schoolrun",
        "school",
        place=SCHOOL,
        people=(mia(0, UNIFORM, 0.55),),
    ),
    DemoPost(
        "2024-11-14 19:10",
        "Half-birthday pancakes for my daughter because why not 🥞",
        "cake",
        people=(mia(1, C["pyjamas"], 0.35),),
    ),
    DemoPost(
        "2024-12-20 10:15",
        "Nativity play! Mia was the star ⭐️ #proudmum",
        "stage",
        place=SCHOOL,
        people=(mia(2, C["star costume"]),),
    ),
    DemoPost(
        "2024-12-25 10:40",
        "Merry Christmas from the four of us 🎄",
        "home",
        people=(mia(0, C["christmas jumper"], 0.32), leo(0, C["christmas jumper"], 0.7)),
    ),
    # --- 2025
    DemoPost(
        "2025-01-06 08:25",
        "First day back after Christmas ❄️ #backtoschool",
        "school",
        place=SCHOOL,
        people=(mia(1, UNIFORM, 0.4),),
    ),
    DemoPost(
        "2025-01-07 08:50",
        "Nursery drop-off with no tears today 🙌",
        "nursery",
        people=(leo(0, C["blue dungarees"], 0.5, 68),),
    ),
    DemoPost(
        "2025-02-03 18:20",
        "Leo turns 3 today 🦖🦖🦖 dinosaur cake as requested",
        "cake",
        people=(leo(1, C["dinosaur t-shirt"], 0.35),),
    ),
    DemoPost(
        "2025-03-06 08:20",
        "World Book Day 📚 she is the Worst Witch, obviously",
        "school",
        people=(mia(2, C["book-day costume"], 0.45),),
    ),
    DemoPost(
        "2025-04-05 11:00",
        "Spring in the garden 🌷",
        "garden",
        people=(mia(0, C["yellow dress"], 0.3), leo(1, C["striped top, shorts"], 0.7)),
    ),
    DemoPost(
        "2025-04-22 08:20",
        "First day back after Easter, summer term here we come ☀️",
        "school",
        place=SCHOOL,
        people=(mia(1, UNIFORM, 0.5),),
    ),
    DemoPost(
        "2025-05-14 07:55",
        "6 today!! 🎂 birthday breakfast before school",
        "cake",
        people=(mia(2, UNIFORM, 0.35),),
    ),
    DemoPost(
        "2025-05-17 14:00",
        "Mia's 6th birthday party in the park 🎈🎈",
        "park",
        place=PARK,
        tagged=("lilys.mum.jo",),
        comments=(
            (STRANGER, "She is so pretty. Which school is she at? I'm nearby, send more pics 😘"),
            (GRANDPARENT, "Happy birthday my darling 🎂"),
        ),
        people=(mia(0, C["party dress"], 0.3), lily(C["red t-shirt, jeans"])),
    ),
]
for _i, _when in enumerate(_tuesdays("2024-09-10", 5, 16, 30) + _tuesdays("2025-03-04", 3, 16, 30)):
    PUBLIC_POSTS.append(
        DemoPost(
            _when,
            _SWIM_CAPTIONS[_i % len(_SWIM_CAPTIONS)],
            "pool",
            place=POOL,
            people=(mia(_i, C["purple swimsuit"], 0.45),) if _i % 2 == 0 else (),
        )
    )

# Camera roll: photos still carrying GPS, as the phone saved them. Evenings and weekends
# at home give the home area away; weekday mornings at the gate give the school.
CAMERA_ROLL: list[tuple[str, str, tuple[float, float], tuple[Person, ...]]] = [
    ("2024-06-01 18:40", "Garden picnic tea", HOME, (mia(0, C["red t-shirt, jeans"], 0.4),)),
    ("2024-06-08 19:15", "Bath and bed, finally", HOME, (leo(1, C["pyjamas"]),)),
    ("2024-06-15 10:30", "Saturday pancakes", HOME, (mia(1, C["pyjamas"], 0.4),)),
    ("2024-06-22 20:05", "Story time", HOME, ()),
    ("2024-07-06 09:45", "Lego morning", HOME, (leo(0, C["dinosaur t-shirt"], 0.6),)),
    (
        "2024-07-13 19:30",
        "Movie night in pyjamas",
        HOME,
        (mia(2, C["pyjamas"], 0.3), leo(1, C["pyjamas"], 0.7)),
    ),
    ("2024-09-17 08:31", "", SCHOOL[1:], (mia(0, UNIFORM, 0.4),)),
    ("2024-09-24 08:29", "", SCHOOL[1:], (mia(1, UNIFORM, 0.6),)),
    ("2024-10-01 08:33", "", SCHOOL[1:], ()),
]

#: Posts where Mia wears the school uniform on a school-day morning (07:40-08:40 local).
UNIFORM_MORNINGS = tuple(
    p.when
    for p in PUBLIC_POSTS
    if any(x.outfit == UNIFORM for x in p.people) and "07:40" <= p.when[11:] <= "08:40"
)
