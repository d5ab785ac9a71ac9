"""What readers read: the portal's rating strings, in one place.

The msgids are English; ``locale/vi`` carries the portal's Vietnamese word for word.
The average is always printed with a dot ("4.2"), as the portal prints it, whatever
the language's decimal separator.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .scores import SCORES, Tally

#: The title of each star, worst to best.
STAR_TITLES = dict(
    zip(
        SCORES,
        (
            _("Very poor article"),
            _("Poor article"),
            _("Fair article"),
            _("Good article"),
            _("Very good article"),
        ),
        strict=True,
    )
)

PROMPT = _("Click to rate this article")
THANKS = _("Thank you for rating this article")
ALREADY_RATED = _("You have already rated this article")
INVALID_SCORE = _("Invalid rating")
SIGN_IN_TO_RATE = _("Sign in to rate this article")
TOO_MANY_RATINGS = _("You have rated too often, please try again later")
NOT_SENT = _("Your rating could not be sent, please try again")


def summary_line(tally: Tally) -> str:
    """'Tổng số điểm của bài viết là: 21 trong 5 đánh giá'."""
    return ngettext(
        "Total score of this article: %(total)s from %(count)s rating",
        "Total score of this article: %(total)s from %(count)s ratings",
        tally.count,
    ) % {"total": tally.total, "count": tally.count}


def ranking_line(tally: Tally) -> str:
    """'Xếp hạng: 4.2 - 5 phiếu bầu'."""
    return ranking_template(tally.count) % {"average": tally.average, "count": tally.count}


def ranking_template(count: int) -> str:
    """The ranking line with ``%(average)s`` and ``%(count)s`` still to fill in."""
    return ngettext(
        "Rating: %(average)s - %(count)s vote",
        "Rating: %(average)s - %(count)s votes",
        count,
    )
