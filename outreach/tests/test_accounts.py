"""A staff member's own account: profile, password, log-in and log-out."""

from django.urls import reverse

from outreach.tests.factories import PASSWORD


def test_profile_edit_is_saved_with_a_message(client, people):
    client.force_login(people.officer)

    response = client.post(
        reverse("outreach:profile"),
        {"first_name": "Kevin", "last_name": "Brooks", "email": "kbrooks@example.org", "phone": "555-0111"},
        follow=True,
    )

    people.officer.refresh_from_db()
    assert people.officer.email == "kbrooks@example.org"
    assert "Your profile was saved." in [str(m) for m in response.context["messages"]]


def test_profile_cannot_change_role_or_area(client, people, other_area):
    client.force_login(people.officer)

    client.post(
        reverse("outreach:profile"),
        {"first_name": "A", "last_name": "B", "email": "a@example.org", "role": "chief", "area_command": other_area.pk},
    )

    people.officer.refresh_from_db()
    assert people.officer.role == "officer"
    assert people.officer.area_command != other_area


def test_password_change(client, people):
    client.force_login(people.officer)

    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "a much longer passphrase",
            "new_password2": "a much longer passphrase",
        },
    )

    people.officer.refresh_from_db()
    assert response.status_code == 302
    assert people.officer.check_password("a much longer passphrase")


def test_login_with_the_wrong_password_is_refused(client, people):
    response = client.post(reverse("login"), {"username": "officer", "password": "wrong"})

    assert response.status_code == 200
    assert b"Please enter a correct username and password" in response.content


def test_login_is_locked_after_repeated_failures(client, people, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "officer", "password": "wrong"})

    response = client.post(reverse("login"), {"username": "officer", "password": PASSWORD})

    assert response.status_code == 429
    assert b"Too many failed log-in attempts" in response.content


def test_login_takes_the_officer_to_the_dashboard(client, people):
    response = client.post(reverse("login"), {"username": "officer", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("outreach:dashboard")


def test_logout_is_a_post(client, people):
    client.force_login(people.officer)

    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302


def test_logging_out_says_so_on_the_log_in_page(client, people):
    client.force_login(people.officer)

    response = client.post(reverse("logout"), follow=True)

    assert "You are logged out." in [str(message) for message in response.context["messages"]]
