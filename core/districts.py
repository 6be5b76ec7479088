"""The city's districts (dzielnice): where an event, a release or an investment area is."""

from django.db import models


class District(models.TextChoices):
    """Districts (dzielnice) of Ruda Śląska."""

    BIELSZOWICE = "bielszowice", "Bielszowice"
    BYKOWINA = "bykowina", "Bykowina"
    CHEBZIE = "chebzie", "Chebzie"
    GODULA = "godula", "Godula"
    HALEMBA = "halemba", "Halemba"
    KOCHLOWICE = "kochlowice", "Kochłowice"
    NOWY_BYTOM = "nowy_bytom", "Nowy Bytom"
    ORZEGOW = "orzegow", "Orzegów"
    RUDA = "ruda", "Ruda"
    WIREK = "wirek", "Wirek"
    CZARNY_LAS = "czarny_las", "Czarny Las"
