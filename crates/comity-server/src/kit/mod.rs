//! What every capability's handlers share, written once: the API's problem details and the
//! mapping of a refused act to one, the names of organs and states, the form-post shape
//! (CSRF check, parse, refusal to field), and the SVG chart helpers.

pub mod acts;
pub mod api;
pub mod chart;
pub mod form;
pub mod jobs;
pub mod names;
pub mod paging;
pub mod problem;
pub mod text;
