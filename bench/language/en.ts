import type { LanguagePack } from './pack';

export const en: LanguagePack = {
  words: `the i to and a my you it is for of in on this your we not was have be that with me can but are at please just no do get from
    so what been has an will if all when would still they there how any as one or out about again now time up back need did more only why
    our help like by got sent know want could days week after new never really thank thanks same today yesterday ago hours day very also even
    here then than because before other some another first last next two three five every already someone anyone nothing something everything
    order orders ordered delivery deliver delivered package parcel item items product products refund refunded refunds money paid pay payment
    card account email phone number tracking shipping shipped store shop online website app customer service support team reply answer message
    messages problem issue question wrong broken damaged missing late lost return returned returns exchange replacement cancel cancelled size
    colour box courier address code discount price charged twice invoice receipt warranty quality arrived arrive waiting wait waited told said
    asked called contact contacted check checked update status link page form error login password reset stock available weekend monday
    tuesday wednesday thursday friday saturday sunday morning evening tomorrow soon quickly fast slow hour minutes month months year working
    good great terrible awful bad happy disappointed angry frustrated excellent perfect fine okay unacceptable ridiculous amazing lovely helpful
    rude polite kind quick easy hard different small large big little old cheap expensive free full half whole open closed empty heavy light
    clean dirty cracked scratched torn leaking faulty defective used fake original buy bought use work works worked stop stopped opened close
    send sending receive received bring brought leave left take took give gave make made keep kept try tried find found lose see saw look
    looked think thought feel felt understand explain explained promise promised expect expected happen happened change changed fix fixed
    replace replaced refuse refused pick picked collect collected drop dropped ship charge confirm confirmed complain complaint complaints
    customers people person manager supervisor driver warehouse branch locker door neighbour building street city country photo photos picture
    video label sticker packaging tape bag boxes cover lid handle button cable charger battery screen plug filter switch lamp manual
    instructions guarantee policy terms review reviews rating stars star experience attention mistake fault delay delays apology voucher
    loyalty points member membership gift birthday present wife husband daughter son mother father kids christmas holiday trip office home
    wobbly lukewarm scuffed dented frayed discoloured rattling squeaky misprinted mislabelled crooked flimsy sticky smelly mouldy soggy tangled
    rusty singed loose peeling faded chipped snapped overcharged backordered undelivered unboxing giftwrap engraving monogram reimbursement
    chargeback ombudsman arbitration solicitor grievance escalation compensation goodwill courtesy inconvenience sincerely regardless
    nonetheless whereabouts thereafter samovar percolator mandoline spiraliser dehydrator fondue raclette marmalade thimble periwinkle`,
  customer: [
    'My order {order} still has not arrived.',
    'I ordered the {product} {days} days ago and nothing has happened since.',
    'Where is my refund? You promised it would take five working days.',
    'The {product} arrived broken, the box was completely crushed.',
    'The tracking number does not work on the {courier} website.',
    'I want a refund, not another replacement.',
    'Can you tell me when the delivery to {city} will be?',
    'I was charged twice for the same order.',
    'Your courier marked it as delivered but I never got anything.',
    'Thanks, the replacement came today and it works perfectly.',
    'Please check my order {order}, the status has not changed since Monday.',
    'The parcel was left outside in the rain.',
    'Wrong size again, this is the second time.',
    'Is the {product} back in stock?',
    'How do I return an item I bought in the store in {city}?',
    'I have been waiting on hold for over an hour.',
    'Nobody answers the phone or the emails.',
    'The discount code from your newsletter is not accepted at checkout.',
    'The colour is completely different from the photos.',
    'I would like to cancel my order {order} please.',
    'Your app keeps logging me out when I try to pay.',
    'The invoice has the wrong address on it.',
    'Great service, the {product} arrived a day early!',
    'The warranty card was missing from the box.',
    'Do you deliver on weekends?',
    'I sent the package back {days} days ago and still no refund.',
    'The {product} stopped working after a week.',
    'Absolutely terrible experience, I will never order from you again.',
    'Could someone from support call me back?',
    'The parcel locker code did not work.',
    'Honestly the quality is much worse than it used to be.',
    'My name is {name} and I placed an order last week.',
    'It was a birthday present and now the day is ruined.',
    'The {courier} driver was really rude to my neighbour.',
    'I returned the {product} to your store in {city} and they refused the refund.',
  ],
  agent: [
    'Thank you for reaching out to us.',
    'I am really sorry to hear about the trouble with your order.',
    'Could you please send us your order number in a private message?',
    'I have checked your order {order} and it is on its way with {courier}.',
    'The refund has been issued and should reach your card within {days} working days.',
    'We have arranged a free replacement of the {product}.',
    'Please send us a photo of the damaged box and the item.',
    'I have passed this on to our delivery team and they will contact you today.',
    'You can return the item in any of our stores or by post within 30 days.',
    'We apologise for the delay, the courier has a backlog in {city}.',
    'Your order has been cancelled and the payment released.',
    'The {product} is expected back in stock next week.',
    'I have sent you a return label by email.',
    'Thank you for your kind words, we will pass them on to the team!',
    'Could you confirm the delivery address for us?',
    'I understand how frustrating this is and I will make sure it gets sorted.',
    'Please let us know if there is anything else we can help with.',
    'I have added a discount code to your account as an apology.',
    'The tracking should update within 24 hours.',
    'Our store in {city} will accept the {product} without a receipt.',
  ],
  customerShort: [
    'Thank you!', 'Any update?', 'Where is my order?', 'Still waiting...', 'Refund please.', 'Thanks, all sorted now.', 'Not received yet.',
    'Hello? Anyone there?', 'Great, thank you so much!', 'This is ridiculous.', 'Love it, thanks!', 'Why no reply?',
  ],
  agentShort: ['You are welcome!', 'Happy to help!', 'Checking now, one moment.', 'Sorry about that!', 'Done, refund issued.', 'Thanks for your patience.'],
  customerGreetings: ['Hi,', 'Hello,', 'Hey,', 'Good morning,', 'Dear Northwind team,'],
  agentGreetings: ['Hi {name},', 'Hello {name},', 'Dear {name},'],
  customerSignoffs: ['Thanks.', 'Regards, {name}', 'Thank you in advance.'],
  agentSignoffs: ['Best regards, {agent}', 'Kind regards, {agent} from Northwind', 'Thanks, {agent}'],
  productNouns: [
    'kettle', 'blender', 'vacuum cleaner', 'toaster', 'mixer', 'heater', 'humidifier', 'thermos', 'backpack', 'wallet', 'sweater', 'blanket',
    'wall lamp', 'router', 'tablet', 'smartphone', 'laptop', 'monitor', 'speaker', 'coffee maker', 'bicycle', 'helmet', 'winter coat', 'scarf',
    'umbrella', 'cookware set', 'mattress', 'office chair', 'fitness tracker', 'camera', 'electric grill',
  ],
  product: (noun, model) => `${model} ${noun}`,
  cities: 'London Manchester Birmingham Leeds Glasgow Bristol Liverpool Edinburgh Cardiff Belfast Sheffield Nottingham Leicester Brighton Oxford York Aberdeen'.split(' '),
  couriers: ['Royal Mail', 'DPD', 'Evri', 'DHL', 'UPS', 'FedEx'],
  maleFirst: 'James John Robert Michael William David Richard Joseph Thomas Charles Daniel Matthew Anthony Mark Paul Steven Andrew Joshua Kevin Brian'.split(' '),
  femaleFirst: 'Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Emma Olivia Sophie Chloe Emily Grace Hannah Lucy Amelia Megan'.split(' '),
  maleLast: 'Smith Johnson Williams Brown Jones Taylor Davies Evans Wilson Thomas Roberts Walker Wright Robinson Thompson White Hughes Edwards Green Hall Wood Harris Lewis Martin Jackson Clarke Turner Hill Scott'.split(' '),
  feminine: (lastName) => lastName,
  agentNames: ['Alex', 'Sam', 'Jordan', 'Taylor', 'Chris', 'Jamie', 'Morgan'],
  postTitles: [
    'Spring sale: 20% off all kettles',
    'Meet the new Aurora 3 blender',
    'Free delivery this weekend',
    'Our summer collection is here',
    'Tell us about your favourite Northwind product',
    'New store opening in Manchester',
  ],
  reviewTitles: {
    low: ['Terrible service', 'Never again', 'Broken on arrival', 'Still waiting for my refund'],
    mid: ['Okay but slow delivery', 'Average', 'Good product, poor packaging'],
    high: ['Great product', 'Fast delivery, recommended', 'Love it', 'Excellent customer service'],
  },
};
