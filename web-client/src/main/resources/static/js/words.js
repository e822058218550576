// Every word Duet shows about an exercise or an answer, in one place.

export const EXERCISES = {
    CHECK_IN: {
        label: 'Check-in',
        about: 'A short look at where each of you stands today: how close you feel, how much energy you have, one thing you appreciate.',
    },
    CYCLE_MAP: {
        label: 'Map our cycle',
        about: 'Trace a recent hard moment together: what each of you felt, feared and did, and how one reaction set off the other.',
    },
    RESENTMENT_TO_CLOSENESS: {
        label: 'From resentment to closeness',
        about: 'Walk from a sore moment to the feeling and the need underneath it, then let your partner in on them.',
    },
    BABY_STEPS: {
        label: 'Baby steps',
        about: 'Name small, concrete things that would help each of you feel closer, and pick the easiest ones first.',
    },
    SPACE_AND_CLOSENESS: {
        label: 'Space and closeness',
        about: 'Say how much closeness and how much time alone you need, without blame, and make a plan that holds both.',
    },
    COMMITMENT: {
        label: 'Our commitment',
        about: 'Agree on a stretch of time to work on your relationship, and on when you will look back together.',
    },
};

export function exerciseLabel(exercise) {
    return EXERCISES[exercise]?.label ?? 'Session';
}

/** How a bid can be answered: the button's words and the words once it is answered. */
export const RESPONSES = {
    TOWARD: { action: 'Turn toward', done: 'turned toward', hint: 'meet it with attention or warmth' },
    AWAY: { action: 'Turn away', done: 'turned away from', hint: 'let it pass for now' },
    AGAINST: { action: 'Turn against', done: 'turned against', hint: 'push it back' },
};
