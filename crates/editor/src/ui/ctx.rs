//! What every section of the editors' page is drawn from: the store, the
//! way to change it, and the worker. Compared by identity: a section draws
//! again only when the store changed.

use std::rc::Rc;

use yew::Callback;

use super::worker::Work;
use crate::state::{Current, Msg, State};

#[derive(Clone)]
pub struct Ctx {
    pub state: Rc<State>,
    pub dispatch: Callback<Msg>,
    pub work: Rc<Work>,
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.state, &other.state) && Rc::ptr_eq(&self.work, &other.work)
    }
}

impl Ctx {
    pub fn current(&self) -> Option<&Rc<Current>> {
        self.state.current.as_ref()
    }
}
