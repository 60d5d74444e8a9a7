import * as v from "valibot";

/** The longest reply time a website may announce: one week, in minutes. */
export const MAX_REPLY_TIME_MINUTES = 7 * 24 * 60;

/**
 * A website's typical reply time in whole minutes (1 minute to one week), set by its admins and
 * shown on the widget's home page ("We usually reply in a few minutes").
 */
export const replyTimeMinutesSchema = v.pipe(
	v.number(),
	v.safeInteger(),
	v.minValue(1),
	v.maxValue(MAX_REPLY_TIME_MINUTES),
);
