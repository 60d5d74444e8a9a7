const ADJECTIVES = [
	"Amber",
	"Azure",
	"Brave",
	"Bright",
	"Calm",
	"Clever",
	"Coral",
	"Cosmic",
	"Crimson",
	"Curious",
	"Dapper",
	"Eager",
	"Gentle",
	"Golden",
	"Happy",
	"Jolly",
	"Kind",
	"Lively",
	"Lucky",
	"Mellow",
	"Misty",
	"Nimble",
	"Olive",
	"Plucky",
	"Quiet",
	"Rosy",
	"Rustic",
	"Silver",
	"Sunny",
	"Swift",
	"Velvet",
	"Witty",
];
const ANIMALS = [
	"Badger",
	"Beaver",
	"Bison",
	"Crane",
	"Dolphin",
	"Falcon",
	"Ferret",
	"Finch",
	"Fox",
	"Gecko",
	"Heron",
	"Koala",
	"Lemur",
	"Lynx",
	"Marten",
	"Moose",
	"Narwhal",
	"Ocelot",
	"Otter",
	"Owl",
	"Panda",
	"Puffin",
	"Quokka",
	"Raven",
	"Robin",
	"Seal",
	"Sparrow",
	"Stoat",
	"Tapir",
	"Walrus",
	"Wombat",
	"Yak",
];

/**
 * A friendly, stable name for an anonymous visitor ("Amber Otter"): the same visitor id gives
 * the same name on every device, so agents can tell visitors apart and talk about them.
 */
export function visitorName(visitorId: string): string {
	// FNV-1a: a fast string hash whose bits spread well over short ids.
	let hash = 0x811c9dc5;
	for (let index = 0; index < visitorId.length; index++) {
		hash ^= visitorId.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	const adjective = ADJECTIVES[hash % ADJECTIVES.length];
	const animal = ANIMALS[Math.floor(hash / ADJECTIVES.length) % ANIMALS.length];
	return `${adjective} ${animal}`;
}
