//! The one POST that carries every act on a treaty from its page: each form names its act
//! and has fields of its own (`deposit_date`, `sign_state`, …), so a form that comes back
//! keeps its input and marks the field the refusal is about.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use comity_core::auth::Denied;
use comity_core::ids::Day;
use comity_core::motion::Seat;
use comity_core::treaty;
use comity_core::treaty::eif::{Deposit, Instrument, Share};
use comity_core::treaty::record::Resolution;
use comity_core::treaty::text::Choice;
use comity_core::{Command, DomainError, Iso3};
use comity_store::ExecError;
use serde::Deserialize;

use crate::i18n::Tr;
use crate::kit::form::gate;
use crate::labels;
use crate::treaty::pages::treaties::render_page;
use crate::treaty::view::parse_address;
use crate::web::{Req, Shared};

/// Every treaty form's fields; `act` says which form was sent.
#[derive(Deserialize, Default, Clone)]
pub struct ActForm {
    #[serde(default)]
    pub act: String,
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub round_text: String,
    #[serde(default)]
    pub settle_bracket: String,
    #[serde(default)]
    pub settle_choice: String,
    #[serde(default)]
    pub settle_alternative: String,
    #[serde(default)]
    pub settle_text: String,
    #[serde(default)]
    pub settle_by: String,
    #[serde(default)]
    pub settle_motion: String,
    #[serde(default)]
    pub adopt_motion: String,
    #[serde(default)]
    pub open_date: String,
    #[serde(default)]
    pub open_place: String,
    #[serde(default)]
    pub propose_bracket: String,
    #[serde(default)]
    pub propose_wording: String,
    #[serde(default)]
    pub propose_by: String,
    #[serde(default)]
    pub sign_state: String,
    #[serde(default)]
    pub sign_date: String,
    #[serde(default)]
    pub deposit_state: String,
    #[serde(default)]
    pub deposit_date: String,
    #[serde(default)]
    pub deposit_instrument: String,
    #[serde(default)]
    pub deposit_share: String,
    #[serde(default)]
    pub deposit_reservations: String,
    #[serde(default)]
    pub deposit_declarations: String,
    #[serde(default)]
    pub object_state: String,
    #[serde(default)]
    pub object_reserving: String,
    #[serde(default)]
    pub object_reservation: String,
    #[serde(default)]
    pub object_text: String,
    #[serde(default)]
    pub object_date: String,
    #[serde(default)]
    pub withdraw_state: String,
    #[serde(default)]
    pub withdraw_date: String,
}

type FieldError = (String, String);

fn bad<T>(field: &str, msg: String) -> Result<T, FieldError> {
    Err((field.to_owned(), msg))
}

fn day(tr: &Tr<'_>, field: &str, v: &str) -> Result<Day, FieldError> {
    Day::parse(v.trim()).or_else(|_| bad(field, tr.t("treaty-form-date")))
}

fn iso(tr: &Tr<'_>, field: &str, v: &str) -> Result<Iso3, FieldError> {
    Iso3::parse(v.trim()).or_else(|_| bad(field, tr.t("treaty-form-state")))
}

fn number<T: std::str::FromStr>(tr: &Tr<'_>, field: &str, v: &str) -> Result<T, FieldError> {
    v.trim()
        .parse()
        .or_else(|_| bad(field, tr.t("treaty-form-number")))
}

/// One item per non-empty line.
fn lines(v: &str) -> Vec<String> {
    v.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The command a form asks for, or the field that does not parse.
pub fn command(tr: &Tr<'_>, id: &str, f: &ActForm) -> Result<Command, FieldError> {
    let treaty = id.to_owned();
    let bracket = |field: &str, v: &str| {
        parse_address(v).ok_or_else(|| (field.to_owned(), tr.t("treaty-form-bracket")))
    };
    Ok(match f.act.as_str() {
        "open_round" => Command::Treaty(treaty::Command::OpenTreatyRound {
            treaty,
            text: Some(f.round_text.clone()).filter(|t| !t.trim().is_empty()),
        }),
        "settle" => {
            let choice = match f.settle_choice.as_str() {
                "alternative" => {
                    let n: usize = number(tr, "settle_alternative", &f.settle_alternative)?;
                    match n.checked_sub(1) {
                        Some(i) => Choice::Alternative(i),
                        None => return bad("settle_alternative", tr.t("treaty-form-number")),
                    }
                }
                "text" => Choice::Text(f.settle_text.clone()),
                "delete" => Choice::Delete,
                _ => return bad("settle_choice", tr.t("treaty-form-choice")),
            };
            let by = match f.settle_by.as_str() {
                "motion" => Resolution::Motion(number(tr, "settle_motion", &f.settle_motion)?),
                _ => Resolution::Agreement,
            };
            Command::Treaty(treaty::Command::ResolveBracket {
                treaty,
                bracket: bracket("settle_bracket", &f.settle_bracket)?,
                choice,
                by,
            })
        }
        "adopt" => Command::Treaty(treaty::Command::AdoptTreaty {
            treaty,
            motion: number(tr, "adopt_motion", &f.adopt_motion)?,
        }),
        "open_signature" => Command::Treaty(treaty::Command::OpenTreatyForSignature {
            treaty,
            date: day(tr, "open_date", &f.open_date)?,
            place: f.open_place.clone(),
        }),
        "propose" => Command::Treaty(treaty::Command::ProposeWording {
            treaty,
            bracket: bracket("propose_bracket", &f.propose_bracket)?,
            wording: f.propose_wording.clone(),
            by: Seat::parse(&f.propose_by),
        }),
        "sign" => Command::Treaty(treaty::Command::SignTreaty {
            treaty,
            state: iso(tr, "sign_state", &f.sign_state)?,
            date: day(tr, "sign_date", &f.sign_date)?,
        }),
        "deposit" => {
            let state = iso(tr, "deposit_state", &f.deposit_state)?;
            let date = day(tr, "deposit_date", &f.deposit_date)?;
            let Some(instrument) = Instrument::parse(f.deposit_instrument.trim()) else {
                return bad("deposit_instrument", tr.t("treaty-form-instrument"));
            };
            let share = match f.deposit_share.trim() {
                "" => None,
                s => match Share::parse_threshold(s) {
                    Ok(s) => Some(s),
                    Err(e) => return bad("deposit_share", tr.t1("treaty-form-share", "detail", e)),
                },
            };
            Command::Treaty(treaty::Command::DepositInstrument {
                treaty,
                deposit: Deposit {
                    state,
                    instrument,
                    date,
                    share,
                },
                reservations: lines(&f.deposit_reservations),
                declarations: lines(&f.deposit_declarations),
            })
        }
        "object" => Command::Treaty(treaty::Command::ObjectToReservation {
            treaty,
            state: iso(tr, "object_state", &f.object_state)?,
            reserving: iso(tr, "object_reserving", &f.object_reserving)?,
            reservation: number(tr, "object_reservation", &f.object_reservation)?,
            text: f.object_text.clone(),
            date: day(tr, "object_date", &f.object_date)?,
        }),
        "withdraw" => Command::Treaty(treaty::Command::WithdrawFromTreaty {
            treaty,
            state: iso(tr, "withdraw_state", &f.withdraw_state)?,
            date: day(tr, "withdraw_date", &f.withdraw_date)?,
        }),
        _ => return bad("act", tr.t("form-unknown-act")),
    })
}

/// Whether the bracket a command names is in the treaty's current text (a refused edit of
/// one that is not is about the bracket, not the wording).
pub fn bracket_known(state: &comity_core::State, cmd: &Command) -> bool {
    match cmd {
        Command::Treaty(treaty::Command::ProposeWording {
            treaty, bracket, ..
        })
        | Command::Treaty(treaty::Command::ResolveBracket {
            treaty, bracket, ..
        }) => state
            .treaties
            .get(treaty)
            .and_then(|t| t.text())
            .is_some_and(|d| d.brackets().iter().any(|b| &b.at == bracket)),
        _ => true,
    }
}

/// The form field a refusal or denial is about, for the act the form asked for.
pub fn field_of(act: &str, choice: &str, known_bracket: bool, e: &ExecError) -> String {
    let state_field = match act {
        "propose" => "propose_by".to_owned(),
        "sign" | "deposit" | "object" | "withdraw" => format!("{act}_state"),
        _ => "act".to_owned(),
    };
    let field = match e {
        ExecError::Denied(Denied::NotYourSeat { .. }) => return state_field,
        ExecError::Refused(d) => d,
        _ => return "act".to_owned(),
    };
    let named = match (act, field) {
        (
            _,
            DomainError::Base(comity_core::base::Refusal::UnknownState(_))
            | DomainError::Base(comity_core::base::Refusal::NotAMember(_)),
        )
        | (_, DomainError::Treaty(comity_core::treaty::Refusal::AlreadyDeposited { .. })) => {
            return state_field;
        }
        (
            "deposit",
            DomainError::Treaty(comity_core::treaty::Refusal::DepositBeforeOpening { .. }),
        ) => "deposit_date",
        (
            "deposit",
            DomainError::Base(comity_core::base::Refusal::EmptyField { .. })
            | DomainError::Base(comity_core::base::Refusal::TooLong { .. }),
        ) => "deposit_reservations",
        ("deposit", DomainError::Treaty(comity_core::treaty::Refusal::TreatyAct(_))) => {
            "deposit_date"
        }
        (
            "settle",
            DomainError::Motion(comity_core::motion::Refusal::UnknownMotion(_))
            | DomainError::Treaty(comity_core::treaty::Refusal::TreatyAct(_)),
        ) => "settle_motion",
        ("settle", DomainError::Treaty(comity_core::treaty::Refusal::TreatyEdit(_)))
            if !known_bracket =>
        {
            "settle_bracket"
        }
        ("propose", DomainError::Treaty(comity_core::treaty::Refusal::TreatyEdit(_)))
            if !known_bracket =>
        {
            "propose_bracket"
        }
        ("settle", DomainError::Treaty(comity_core::treaty::Refusal::TreatyEdit(_))) => {
            match choice {
                "alternative" => "settle_alternative",
                "text" => "settle_text",
                _ => "settle_bracket",
            }
        }
        ("open", DomainError::Base(comity_core::base::Refusal::UnknownOrgan(_))) => "open_organ",
        (
            "open",
            DomainError::Treaty(comity_core::treaty::Refusal::TreatyInvalid(
                comity_core::treaty::InvalidError::Text(_),
            )),
        ) => "open_text",
        (
            "open",
            DomainError::Treaty(comity_core::treaty::Refusal::TreatyInvalid(_))
            | DomainError::Treaty(comity_core::treaty::Refusal::TreatyExists(_)),
        ) => "open_file",
        ("open", DomainError::Base(comity_core::base::Refusal::TooLong { .. })) => "open_text",
        ("propose", DomainError::Treaty(comity_core::treaty::Refusal::TreatyEdit(_))) => {
            "propose_wording"
        }
        ("propose", DomainError::Base(comity_core::base::Refusal::UnknownOrgan(_))) => "propose_by",
        (
            "adopt",
            DomainError::Motion(comity_core::motion::Refusal::UnknownMotion(_))
            | DomainError::Treaty(comity_core::treaty::Refusal::AdoptionMotion { .. })
            | DomainError::Treaty(comity_core::treaty::Refusal::OpenBrackets { .. }),
        ) => "adopt_motion",
        (
            "open_round",
            DomainError::Treaty(comity_core::treaty::Refusal::TreatyInvalid(_))
            | DomainError::Base(comity_core::base::Refusal::TooLong { .. }),
        ) => "round_text",
        (
            "open_signature",
            DomainError::Base(comity_core::base::Refusal::EmptyField { .. })
            | DomainError::Base(comity_core::base::Refusal::TooLong { .. }),
        ) => "open_place",
        ("open_signature", DomainError::Treaty(comity_core::treaty::Refusal::TreatyAct(_))) => {
            "open_date"
        }
        ("sign", DomainError::Treaty(comity_core::treaty::Refusal::TreatyAct(_))) => "sign_date",
        (
            "object",
            DomainError::Base(comity_core::base::Refusal::EmptyField { .. })
            | DomainError::Base(comity_core::base::Refusal::TooLong { .. }),
        ) => "object_text",
        ("object", DomainError::Treaty(comity_core::treaty::Refusal::TreatyAct(_))) => {
            "object_reservation"
        }
        ("withdraw", DomainError::Treaty(comity_core::treaty::Refusal::TreatyAct(_))) => {
            "withdraw_date"
        }
        _ => "act",
    };
    named.to_owned()
}

/// A failed act as (field, message in the reader's language); server faults are logged.
fn act_error(tr: &Tr<'_>, f: &ActForm, known_bracket: bool, e: &ExecError) -> FieldError {
    let msg = match e {
        ExecError::Denied(d) => labels::denial(tr, d),
        ExecError::Refused(d) => labels::refusal(tr, d),
        other => {
            eprintln!("error: executing a treaty act: {other}");
            tr.t("form-failed")
        }
    };
    (field_of(&f.act, &f.settle_choice, known_bracket, e), msg)
}

pub async fn act(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<String>,
    Form(f): Form<ActForm>,
) -> Response {
    let tr = req.tr(&app.catalog);
    let who = match gate(&app, &req, &f.csrf) {
        Ok(who) => who,
        Err(why) => {
            return why
                .answer(&[], "act", |e| render_page(&app, &req, &id, f, e))
                .await;
        }
    };
    let cmd = match command(&tr, &id, &f) {
        Ok(c) => c,
        Err(e) => return render_page(&app, &req, &id, f, e).await,
    };
    let known = bracket_known(&*app.inst.state().await, &cmd);
    match app.inst.execute_as(&who, crate::now(), &cmd).await {
        Ok(_) => Redirect::to(&format!("/treaties/{id}#{}", anchor_of(&f.act))).into_response(),
        Err(e) => {
            let error = act_error(&tr, &f, known, &e);
            render_page(&app, &req, &id, f, error).await
        }
    }
}

/// Where the page opens after an act: the section that shows its result.
fn anchor_of(act: &str) -> &'static str {
    match act {
        "open_round" | "settle" | "propose" => "text-h",
        "adopt" | "open_signature" => "adoption-h",
        _ => "status-h",
    }
}
