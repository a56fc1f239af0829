import { createEntityAdapter, createSlice } from '@reduxjs/toolkit';
import type { EntityState, PayloadAction } from '@reduxjs/toolkit';
import { setAutoFreeze } from 'immer';
import { createInitialState, openmediaReducer } from '../src/core/reducer';
import type { OpenmediaState } from '../src/core/types';
import type { OpenmediaInteraction, OpenmediaNotification } from '../src/protocol/types';

/** A reducer under test: a starting state and how one notification is folded into it. */
export interface Contender<S> {
  readonly name: string;
  /** A state that already holds every resource of `notifications` (set up untimed, as fast as the library allows). */
  preloaded(notifications: readonly OpenmediaNotification[]): S;
  /** Fold `notifications` into `state` one by one; returns the last state. */
  applyAll(state: S, notifications: readonly OpenmediaNotification[], at: number): S;
  /** How many interactions the state holds (a sanity check that both did the same work). */
  count(state: S): number;
}

/** Ours: `openmediaReducer` with the event the provider dispatches for each notification. */
export const openmediaContender: Contender<OpenmediaState> = {
  name: 'openmediaReducer',
  preloaded: (notifications) => openmediaContender.applyAll(createInitialState(), notifications, 0),
  applyAll(state, notifications, at) {
    let next = state;
    for (const notification of notifications) next = openmediaReducer(next, { type: 'notificationReceived', notification, at });
    return next;
  },
  count: (state) => state.byId.size,
};

const adapter = createEntityAdapter<OpenmediaInteraction>();

/**
 * What an integrator would reach for first: a Redux Toolkit slice over `createEntityAdapter`,
 * upserting the resource of each notification (Immer, auto-freeze on, as configured by default).
 * Only the bare reducer is called: a `configureStore` in development would add serializability and
 * immutability checks that make it far slower, which would flatter us unfairly. Not the fair
 * baseline: `upsertOne` builds a Set of every id on each call and auto-freeze walks the new state
 * (see {@link rtkFairContender}).
 */
export const rtkSlice = createSlice({
  name: 'openmedia',
  initialState: adapter.getInitialState(),
  reducers: {
    notificationReceived(state, action: PayloadAction<OpenmediaNotification>) {
      const resource = action.payload.openmedia;
      if (resource !== undefined) adapter.upsertOne(state, resource);
    },
    /** Used only to preload the state in one step (each single insert copies every entity). */
    snapshotLoaded(state, action: PayloadAction<readonly OpenmediaInteraction[]>) {
      adapter.upsertMany(state, action.payload);
    },
  },
});

export const rtkContender: Contender<EntityState<OpenmediaInteraction, string>> = {
  name: 'RTK createEntityAdapter',
  preloaded(notifications) {
    const resources = notifications.flatMap((n) => (n.openmedia === undefined ? [] : [n.openmedia]));
    return rtkSlice.reducer(rtkSlice.getInitialState(), rtkSlice.actions.snapshotLoaded(resources));
  },
  applyAll(state, notifications) {
    let next = state;
    const { reducer } = rtkSlice;
    const { notificationReceived } = rtkSlice.actions;
    for (const notification of notifications) next = reducer(next, notificationReceived(notification));
    return next;
  },
  count: (state) => state.ids.length,
};

/** Immer's auto-freeze is process-wide: the fair lane turns it off around its own calls only. */
function withoutAutoFreeze<T>(run: () => T): T {
  setAutoFreeze(false);
  try {
    return run();
  } finally {
    setAutoFreeze(true);
  }
}

/**
 * Redux Toolkit set up as one should for this stream: GWS sends the whole resource, so `setOne`
 * (replace, O(1)) is the right operation, not `upsertOne` (merge, which builds a Set of all ids on
 * every call); and Immer's auto-freeze is off (`setAutoFreeze(false)`), as in a production build
 * that does not want an O(n) freeze per update.
 */
export const rtkFairSlice = createSlice({
  name: 'openmediaFair',
  initialState: adapter.getInitialState(),
  reducers: {
    notificationReceived(state, action: PayloadAction<OpenmediaNotification>) {
      const resource = action.payload.openmedia;
      if (resource !== undefined) adapter.setOne(state, resource);
    },
    snapshotLoaded(state, action: PayloadAction<readonly OpenmediaInteraction[]>) {
      adapter.setMany(state, action.payload);
    },
  },
});

export const rtkFairContender: Contender<EntityState<OpenmediaInteraction, string>> = {
  name: 'RTK setOne, auto-freeze off',
  preloaded(notifications) {
    const resources = notifications.flatMap((n) => (n.openmedia === undefined ? [] : [n.openmedia]));
    return withoutAutoFreeze(() => rtkFairSlice.reducer(rtkFairSlice.getInitialState(), rtkFairSlice.actions.snapshotLoaded(resources)));
  },
  applyAll(state, notifications) {
    return withoutAutoFreeze(() => {
      let next = state;
      const { reducer } = rtkFairSlice;
      const { notificationReceived } = rtkFairSlice.actions;
      for (const notification of notifications) next = reducer(next, notificationReceived(notification));
      return next;
    });
  },
  count: (state) => state.ids.length,
};

/** The state of the hand-written reducer: a plain object by id and the ids in arrival order. */
export interface SpreadState {
  readonly byId: Readonly<Record<string, OpenmediaInteraction>>;
  readonly ids: readonly string[];
}

/** What one writes without a library: copy the by-id object with the new resource (O(n) copy). */
export function spreadReducer(state: SpreadState, notification: OpenmediaNotification): SpreadState {
  const resource = notification.openmedia;
  if (resource === undefined) return state;
  const known = Object.hasOwn(state.byId, resource.id);
  return { byId: { ...state.byId, [resource.id]: resource }, ids: known ? state.ids : [...state.ids, resource.id] };
}

export const spreadContender: Contender<SpreadState> = {
  name: 'object-spread reducer',
  preloaded: (notifications) => spreadContender.applyAll({ byId: {}, ids: [] }, notifications, 0),
  applyAll(state, notifications) {
    let next = state;
    for (const notification of notifications) next = spreadReducer(next, notification);
    return next;
  },
  count: (state) => state.ids.length,
};
