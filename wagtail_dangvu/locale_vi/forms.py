"""Wagtail's sign-in form with a password label that can be translated.

Wagtail's ``LoginForm`` declares its password field without a label, so Django shows the
field's name, "Password", in English on the sign-in page, whatever the language. A portal
sets ``WAGTAILADMIN_USER_LOGIN_FORM = "wagtail_dangvu.locale_vi.forms.LoginForm"``.
Imported only through that setting: the rest of the app never imports Wagtail's admin.
"""

from django.utils.translation import gettext_lazy
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.fields["password"].label is None:
            # Django's own message, translated in this app's catalogue.
            self.fields["password"].label = gettext_lazy("Password")
