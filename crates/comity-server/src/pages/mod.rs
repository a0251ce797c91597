//! Server-rendered pages, one file per resource.

pub mod account;
pub mod accreditations;
pub mod assemblies;
pub mod assembly_import;
pub mod assembly_jobs;
pub mod charter;
pub mod contact_forms;
pub mod elections;
pub mod home;
pub mod journal;
pub mod member;
pub mod members;
pub mod membership;
pub mod motion_network;
pub mod motions;
pub mod organs;
pub mod ratings_import;
pub mod treaties;
pub mod treaty_acts;
pub mod treaty_docs;
